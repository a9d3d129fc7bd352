package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdempotencyTest {

    @Test
    void theSameRequestHasTheSameFingerprint() {
        assertThat(Idempotency.fingerprint("POST", "/api/v1/opportunities", "{\"title\":\"Quang Trach\"}"))
                .isEqualTo(Idempotency.fingerprint("POST", "/api/v1/opportunities", "{\"title\":\"Quang Trach\"}"));
    }

    @Test
    void anotherBodyOrPathHasAnotherFingerprint() {
        String first = Idempotency.fingerprint("POST", "/api/v1/opportunities", "{\"title\":\"Quang Trach\"}");

        assertThat(Idempotency.fingerprint("POST", "/api/v1/opportunities", "{\"title\":\"Gujarat\"}")).isNotEqualTo(first);
        assertThat(Idempotency.fingerprint("POST", "/api/v1/consortia", "{\"title\":\"Quang Trach\"}")).isNotEqualTo(first);
    }

    @Test
    void japaneseBodiesAreFingerprintedByTheirUtf8Bytes() {
        assertThat(Idempotency.fingerprint("POST", "/p", "電気仕様書")).isNotEqualTo(Idempotency.fingerprint("POST", "/p", "電気仕様"));
        assertThat(Idempotency.fingerprint("POST", "/p", "電気仕様書")).hasSize(64);
    }

    @Test
    void keysMustBeOneTo255Characters() {
        assertThatCode(() -> Idempotency.checkKey("3f1e6a2c-order-4711")).doesNotThrowAnyException();
        assertThatThrownBy(() -> Idempotency.checkKey(" ")).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> Idempotency.checkKey("k".repeat(256))).isInstanceOf(ProblemException.class);
    }
}

package dev.kakehashi.document;

import dev.kakehashi.company.People;
import dev.kakehashi.company.Person;
import dev.kakehashi.platform.blob.BlobStore;
import dev.kakehashi.platform.blob.StoredBlob;
import dev.kakehashi.platform.persistence.DatabaseMigration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The demo register of the Quang Trach consortium (only with demo data on, and only once): a dozen
 * documents of Sakura Shoji and Hanbit E&C, two transmittals between them, and one review in
 * progress with a reviewer of each company. Content goes through the blob store like any upload,
 * which is why this is code and not a SQL migration.
 */
@ApplicationScoped
public class DemoDocuments {

    private static final Logger LOG = Logger.getLogger(DemoDocuments.class.getName());

    static final String CONSORTIUM = "7b1e0000-0000-4000-8000-0000000000c1";
    private static final String SAKURA = "5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0001";
    private static final String HANBIT = "5a4c0f0e-3b0a-4c55-9d63-1f2a9b7c0003";

    private record Demo(String owner, String code, String discipline, String type, String en, String nativeLang, String nativeTitle, String fileName) {
    }

    private static final List<Demo> DOCUMENTS = List.of(
            new Demo(SAKURA, "SKR", "GEN", "PRP", "Technical proposal — executive summary", "ja", "技術提案書 エグゼクティブサマリー", "技術提案書_概要.txt"),
            new Demo(SAKURA, "SKR", "COM", "PRP", "Commercial proposal", "ja", "商業提案書", "商業提案書.txt"),
            new Demo(SAKURA, "SKR", "LEG", "AGR", "Consortium agreement (draft)", "ja", "コンソーシアム協定書（案）", "コンソーシアム協定書_案.txt"),
            new Demo(SAKURA, "SKR", "LEG", "POA", "Power of attorney", "ja", "委任状", "委任状.txt"),
            new Demo(SAKURA, "SKR", "FIN", "PLN", "Financing plan", "ja", "ファイナンス計画", "financing-plan.txt"),
            new Demo(SAKURA, "SKR", "GEN", "MTX", "Compliance matrix", "ja", "適合性マトリックス", "compliance-matrix.txt"),
            new Demo(HANBIT, "HBT", "ELE", "SPC", "Electrical specification", "ko", "전기 사양서", "전기_사양서.txt"),
            new Demo(HANBIT, "HBT", "MEC", "SPC", "Gas turbine specification", "ko", "가스터빈 사양서", "gas-turbine-spec.txt"),
            new Demo(HANBIT, "HBT", "CIV", "DWG", "Plant layout drawing", "ko", "플랜트 배치도", "플랜트_배치도.txt"),
            new Demo(HANBIT, "HBT", "ELE", "DWG", "Single-line diagram", "ko", "단선결선도", "single-line-diagram.txt"),
            new Demo(HANBIT, "HBT", "PRC", "SCH", "EPC schedule", "ko", "EPC 공정표", "epc-schedule.txt"),
            new Demo(HANBIT, "HBT", "QA", "PLN", "Quality plan", "ko", "품질 계획서", "quality-plan.txt"));

    @PersistenceContext
    EntityManager em;

    @Inject
    BlobStore blobs;

    @Inject
    DocumentNumbers numbers;

    @Inject
    People people;

    @Inject
    Clock clock;

    @Transactional
    void seed(@Observes DatabaseMigration.Migrated migrated) {
        if (!migrated.demoData() || em.find(dev.kakehashi.consortium.Consortium.class, CONSORTIUM) == null
                || em.createQuery("select count(d) from Document d where d.consortiumId = :k", Long.class).setParameter("k", CONSORTIUM).getSingleResult() > 0) {
            return;
        }
        Person sakuraManager = person("bid-manager@sakura-shoji.example");
        Person hanbitManager = person("bid-manager@hanbit-enc.example");
        Person hanbitContributor = person("contributor@hanbit-enc.example");
        Instant now = clock.instant();
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS.size(); i++) {
            Demo demo = DOCUMENTS.get(i);
            String prefix = "QTP-" + demo.code() + "-" + demo.discipline() + "-" + demo.type();
            numbers.ensureSequence(CONSORTIUM, prefix);
            String number = prefix + "-" + String.format("%04d", numbers.next(CONSORTIUM, prefix));
            String by = demo.owner().equals(SAKURA) ? sakuraManager.userId() : hanbitManager.userId();
            Document document = Document.register(CONSORTIUM, demo.owner(), number, demo.discipline(), demo.type(),
                    Map.of("en", demo.en(), demo.nativeLang(), demo.nativeTitle()), content(demo, number, "A"), by, now.minus(Duration.ofDays(20 - i)));
            em.persist(document);
            documents.add(document);
        }
        em.flush();
        Transmittal toHanbit = Transmittal.send(CONSORTIUM, transmittalNumber(), SAKURA, Set.of(HANBIT),
                revisionsA(documents.get(0), documents.get(2), documents.get(5)), TransmittalPurpose.FOR_REVIEW,
                "Technical summary, draft consortium agreement and compliance matrix for your review. 確認をお願いします。",
                now.plus(Duration.ofDays(10)), sakuraManager.userId(), now.minus(Duration.ofDays(6)));
        em.persist(toHanbit);
        em.flush();
        Transmittal toSakura = Transmittal.send(CONSORTIUM, transmittalNumber(), HANBIT, Set.of(SAKURA),
                revisionsA(documents.get(6), documents.get(8), documents.get(9)), TransmittalPurpose.FOR_APPROVAL,
                "Electrical specification, plant layout and single-line diagram for approval. 검토 부탁드립니다.",
                now.plus(Duration.ofDays(12)), hanbitManager.userId(), now.minus(Duration.ofDays(5)));
        toSakura.acknowledge(SAKURA, sakuraManager.userId(), now.minus(Duration.ofDays(4)));
        em.persist(toSakura);
        Document summary = documents.get(0);
        summary.revise(content(DOCUMENTS.get(0), summary.number(), "B"), sakuraManager.userId(), now.minus(Duration.ofDays(2)));
        Document agreement = documents.get(2);
        Review review = Review.start(agreement, "A", List.of(
                        new Review.StepPlan(List.of(new Review.Reviewer(sakuraManager.userId(), SAKURA), new Review.Reviewer(hanbitContributor.userId(), HANBIT)),
                                now.plus(Duration.ofDays(4))),
                        new Review.StepPlan(List.of(new Review.Reviewer(hanbitManager.userId(), HANBIT)), now.plus(Duration.ofDays(9)))),
                sakuraManager.userId(), now.minus(Duration.ofDays(1)));
        agreement.reviewStarted("A");
        em.persist(review);
        LOG.info("Demo documents: 12 documents, 2 transmittals and a review in progress in the Quang Trach consortium");
    }

    private String transmittalNumber() {
        numbers.ensureSequence(CONSORTIUM, "QTP-TR");
        return "QTP-TR-" + String.format("%05d", numbers.next(CONSORTIUM, "QTP-TR"));
    }

    private static Set<TransmittedRevision> revisionsA(Document... documents) {
        Set<TransmittedRevision> revisions = new LinkedHashSet<>();
        for (Document d : documents) {
            revisions.add(new TransmittedRevision(d.id(), "A"));
        }
        return revisions;
    }

    private Person person(String email) {
        return people.byEmail(email).orElseThrow(() -> new IllegalStateException("Demo person " + email + " missing"));
    }

    private DocumentRevision.Content content(Demo demo, String number, String revision) {
        String text = number + " revision " + revision + "\n\n" + demo.en() + "\n" + demo.nativeTitle() + "\n\n"
                + "Demo content of the Quang Trach Power consortium register (Kakehashi demo data).\n";
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            StoredBlob blob = blobs.put(new ByteArrayInputStream(bytes), bytes.length);
            return new DocumentRevision.Content(blob.key(), blob.sha256(), blob.size(), "text/plain; charset=UTF-8", demo.fileName());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.kakehashi.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PagedTest {

    private static Map<String, String> links(long total, int page, int size) {
        UriBuilder request = UriBuilder.fromUri("http://localhost/api/v1/things?country=VN&page=" + page + "&size=" + size);
        List<Link> links = Paged.links(total, new PageRequest(page, size), request);
        return links.stream().collect(Collectors.toMap(Link::getRel, l -> l.getUri().toString()));
    }

    @Test
    void firstOfSeveralPagesLinksOnlyToTheNext() {
        Map<String, String> links = links(45, 0, 20);

        assertThat(links).containsOnlyKeys("next");
        assertThat(links.get("next")).contains("page=1").contains("size=20").contains("country=VN");
    }

    @Test
    void middlePageLinksBothWays() {
        Map<String, String> links = links(45, 1, 20);

        assertThat(links.get("next")).contains("page=2");
        assertThat(links.get("prev")).contains("page=0");
    }

    @Test
    void lastPageLinksOnlyBack() {
        assertThat(links(45, 2, 20)).containsOnlyKeys("prev");
    }

    @Test
    void exactlyFullLastPageHasNoNext() {
        assertThat(links(40, 1, 20)).containsOnlyKeys("prev");
    }

    @Test
    void pageBeyondTheEndLinksBackToTheLastPage() {
        assertThat(links(45, 9, 20).get("prev")).contains("page=2");
    }

    @Test
    void emptyListHasNoLinks() {
        assertThat(links(0, 0, 20)).isEmpty();
    }
}

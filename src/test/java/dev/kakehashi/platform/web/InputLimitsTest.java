package dev.kakehashi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every text a person can type in a page is bounded in the browser (maxlength) and checked by the page
 * with the same limit (f:validateLength), both taken from the domain's constant that the API and the
 * column use too, so that nothing typed can be too long for where it is kept.
 */
class InputLimitsTest {

    private static final Pattern INPUT = Pattern.compile("<p:(inputText|inputTextarea|password)\\b[^>]*?(/>|>)", Pattern.DOTALL);

    @Test
    void everyTextInputOfEveryPageHasTheSameLimitInTheBrowserAndOnTheServer() throws IOException {
        List<String> unbounded = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(page);
                Matcher input = INPUT.matcher(text);
                while (input.find()) {
                    String tag = input.group();
                    // A plain HTML maxlength (passed through): PrimeFaces' own maxlength would cut longer input on the server, silently
                    Matcher max = Pattern.compile("pt:maxlength=\"#\\{([A-Za-z]+\\.[A-Z_]+)}\"").matcher(tag);
                    if (!max.find()) {
                        unbounded.add(page + ": " + tag + " has no pt:maxlength from a domain constant");
                        continue;
                    }
                    String rest = text.substring(input.end(), Math.min(text.length(), input.end() + 400));
                    if (!rest.contains("<f:validateLength maximum=\"#{" + max.group(1) + "}\"/>")) {
                        unbounded.add(page + ": " + tag + " is not validated with " + max.group(1));
                    }
                }
            }
        }
        assertThat(unbounded).isEmpty();
    }
}

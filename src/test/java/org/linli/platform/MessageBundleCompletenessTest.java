package org.linli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text a user can see exists in Chinese and in English, and every error code is documented. */
class MessageBundleCompletenessTest {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z][\\w.]*)[}(]");
    private static final Pattern ERROR_CODE = Pattern.compile(
            "(?:LinliException\\.\\w+\\(\\s*|LinliException\\.invalidField\\(\\s*\"\\w+\",\\s*"
            + "|new LinliException\\(\\s*HttpStatus\\.\\w+,\\s*|new Problem\\([^,]+,\\s*|problems\\.(?:of|detail)\\([^;\"]*|case [\\d, ]+-> )"
            + "\"([A-Z][A-Z_]+[A-Z])\"");

    @Test
    void chineseAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> chinese = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(difference(chinese, english)).as("keys missing in messages_en.properties").isEmpty();
        assertThat(difference(english, chinese)).as("keys missing in messages.properties (Chinese)").isEmpty();
    }

    @Test
    void noMessageIsBlank() throws IOException {
        for (String bundle : Set.of("messages.properties", "messages_en.properties")) {
            Properties properties = load(bundle);
            assertThat(properties.stringPropertyNames()).as(bundle)
                    .allSatisfy(key -> assertThat(properties.getProperty(key)).as(key).isNotBlank());
        }
    }

    /**
     * A message with arguments goes through MessageFormat, where a single apostrophe starts a quoted
     * section and swallows the arguments after it: such a message must double it ('').
     */
    @Test
    void apostrophesInMessagesWithArgumentsAreDoubled() throws IOException {
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                if (value.matches("(?s).*\\{\\d.*")) {
                    assertThat(value.replace("''", "")).as(bundle + " " + key).doesNotContain("'");
                }
            }
        }
    }

    @Test
    void everyKeyUsedInATemplateExists() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                Matcher matcher = TEMPLATE_KEY.matcher(Files.readString(file));
                while (matcher.find()) {
                    if (!keys.contains(matcher.group(1))) {
                        missing.add(file.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyErrorCodeHasAMessageAndIsDocumented() throws IOException {
        Set<String> keys = load("messages.properties").stringPropertyNames();
        String documented = Files.readString(Path.of("docs/error-codes.md"));
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher matcher = ERROR_CODE.matcher(Files.readString(file));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        codes.addAll(Set.of("INTERNAL_ERROR", "REQUEST_REFUSED"));
        for (IdCardNumber.Problem problem : IdCardNumber.Problem.values()) {
            codes.add(problem.name());
        }
        assertThat(codes).as("the scan finds the codes in use")
                .contains("CENTER_NOT_FOUND", "NOT_FOUND", "PHONE_INVALID", "OTP_TOO_MANY_TRIES", "MALFORMED_REQUEST");
        assertThat(codes).allSatisfy(code -> {
            assertThat(keys).as("message for " + code).contains("error." + code);
            assertThat(documented).as("docs/error-codes.md lists " + code).contains("`" + code + "`");
        });
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundleCompletenessTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}

package org.portcullis.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The mail templates of src/main/resources/mail/ as rendered. */
class MailTemplatesTest {
    private final MailTemplates templates = new MailTemplates();

    @Test
    void aNameWithMarkupIsEscapedInTheHtmlBodyAndLeftAsWrittenInTheText() {
        MailTemplates.Rendered mail = templates.render(MailTemplates.Template.PASSWORD_CHANGED,
                Map.of("first_name", "<b>Ada</b> & co", "email", "ada@example.org"));

        assertThat(mail.subject()).isEqualTo("Your password was changed");
        assertThat(mail.text()).contains("Hello <b>Ada</b> & co,").contains("(ada@example.org)");
        assertThat(mail.html()).contains("Hello &lt;b&gt;Ada&lt;/b&gt; &amp; co,").doesNotContain("<b>Ada");
    }

    @Test
    void theLinkAndItsLifetimeAreFilledIntoBothBodies() {
        MailTemplates.Rendered mail = templates.render(MailTemplates.Template.PASSWORD_RESET,
                Map.of("first_name", "Ada", "link", "https://app.example.org/reset?token=abc",
                        "lifetime", AccountMail.spoken(Duration.ofMinutes(30))));

        assertThat(mail.text()).contains("https://app.example.org/reset?token=abc").contains("within 30 minutes");
        assertThat(mail.html()).contains("href=\"https://app.example.org/reset?token=abc\"");
        assertThat(mail.text()).doesNotContain("{{");
    }

    @Test
    void lifetimesAreSpokenInWholeHoursWhenTheyAreSome() {
        assertThat(AccountMail.spoken(Duration.ofHours(24))).isEqualTo("24 hours");
        assertThat(AccountMail.spoken(Duration.ofHours(1))).isEqualTo("1 hour");
        assertThat(AccountMail.spoken(Duration.ofMinutes(90))).isEqualTo("90 minutes");
    }
}

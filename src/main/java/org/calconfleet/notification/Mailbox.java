package org.calconfleet.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** The console's outgoing mail: plain UTF-8 text from {@code calcon.mail.from}; off while no SMTP server is set. */
@Component
class Mailbox {

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    Mailbox(ObjectProvider<JavaMailSender> mail, @Value("${calcon.mail.from:calcon@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    boolean configured() {
        return mail.getIfAvailable() != null;
    }

    /** Sends nothing when mail is off or there is nobody to send to. */
    void send(List<String> to, String subject, String body) throws MailException, MessagingException {
        JavaMailSender smtp = mail.getIfAvailable();
        if (to.isEmpty() || smtp == null) {
            return;
        }
        MimeMessage message = smtp.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(from);
        helper.setTo(to.toArray(String[]::new));
        helper.setSubject(subject);
        helper.setText(body);
        smtp.send(message);
    }
}

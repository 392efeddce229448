package dev.andon.connectors.out;

import dev.andon.connectors.base.ConnectorHealth;
import dev.andon.connectors.base.ConnectorStats;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.StartTLSOptions;

import java.util.List;

/** E-mails each notification over SMTP to fixed addresses (a team's list, a pager's mail gateway). */
public final class EmailSink implements NotificationSink {
    private final String name;
    private final String from;
    private final List<String> to;
    private final NotificationFilter filter;
    private final MailClient mail;
    private final String server;
    private final ConnectorStats stats;
    private volatile boolean enabled;
    private volatile String lastError;

    public EmailSink(String name, String host, int port, boolean startTls, String username, String password,
                     String from, List<String> to, NotificationFilter filter, Vertx vertx, ConnectorStats stats) {
        this.name = name;
        this.from = from;
        this.to = List.copyOf(to);
        this.filter = filter;
        MailConfig config = new MailConfig().setHostname(host).setPort(port)
                .setStarttls(startTls ? StartTLSOptions.REQUIRED : StartTLSOptions.OPTIONAL)
                .setKeepAlive(false);
        if (username != null) {
            config.setUsername(username).setPassword(password);
        }
        this.mail = MailClient.createShared(vertx, config, "andon-mail-" + name);
        this.server = host + ":" + port;
        this.stats = stats;
    }

    @Override
    public Future<Void> send(Notification n) {
        MailMessage m = new MailMessage().setFrom(from).setTo(to)
                .setSubject("[Andon] " + n.summary())
                .setText(n.summary() + "\n\nline: " + n.line() + "\nstation: " + n.station() + "\ntype: " + n.type()
                        + "\nseverity: " + n.severity() + "\nstate: " + n.state() + "\nowner role: " + n.ownerRole()
                        + "\nassignee: " + (n.assigneeName() == null ? "-" : n.assigneeName())
                        + (n.note() == null ? "" : "\nnote: " + n.note())
                        + "\n\nevent: " + n.key() + "\n");
        m.setHeaders(io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("X-Andon-Event", n.key()));
        return mail.sendMail(m).<Void>mapEmpty().onComplete(ar -> lastError = ar.failed() ? ar.cause().getMessage() : null);
    }

    @Override
    public NotificationFilter filter() {
        return filter;
    }

    @Override
    public ConnectorStats stats() {
        return stats;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public void start() {
        enabled = true;
    }

    @Override
    public void stop() {
        enabled = false;
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public ConnectorHealth health() {
        return stats.health(name, kind(), "out", enabled, enabled && lastError == null, "SMTP " + server + " to "
                + to + " on " + filter.events() + (lastError == null ? "" : "; last error: " + lastError));
    }

    @Override
    public void close() {
        stop();
        mail.close();
    }
}

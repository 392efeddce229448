package dev.andon.core.signin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.andon.core.audit.AuditTrail;
import dev.andon.core.identity.Action;
import dev.andon.core.identity.PermissionPolicy;
import dev.andon.core.identity.PlantPeople;
import dev.andon.core.identity.Principal;
import dev.andon.core.error.ConflictException;
import dev.andon.core.error.InvalidInputException;
import dev.andon.core.error.NotFoundException;
import dev.andon.core.error.Problem;
import dev.andon.core.error.UnauthenticatedException;
import dev.andon.core.plant.Person;
import dev.andon.core.plant.Plant;
import dev.andon.core.store.AndonDatabase;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Accounts, passwords, machine tokens and browser sessions: the one place that decides who a request comes from.
 * People come from the plant file (their roles and lines); passwords, tokens and sessions live only in the store.
 * Every change is audited in the same write.
 */
public final class Identities {
    public static final String ADMIN_ID = "admin";
    public static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    public static final int MIN_PASSWORD = 12;
    private static final int MAX_PASSWORD = 256;
    private static final String TOKEN_PREFIX = "andon_";

    private final AndonDatabase db;
    private final Map<String, String> accounts;
    private final Map<String, String> tokens;
    private static final Principal SESSIONS = Principal.system("andon-sessions");
    private final Map<String, String> sessions;
    private final Map<String, String> secrets;
    private final ObjectMapper json;
    private final Plant plant;
    private final PlantPeople people;
    private final PermissionPolicy policy;
    private final AuditTrail audit;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    private final Clock clock;
    /* In-memory mirrors of the three maps, so that checking a request's credentials never touches the disk (it runs
       on the event loop). Kept in step inside each write and undone if the write rolls back. */
    private final Map<String, Account> accountMirror = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, MachineToken> tokenMirror = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, BrowserSession> sessionMirror = new java.util.concurrent.ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    /**
     * Verified against when the user is unknown, so an unknown name costs as long as a wrong password and timing does
     * not tell which accounts exist. Made at the first such sign-in ({@link #decoyHash()}), not at start: a cold Argon2
     * hash took about a second of every start.
     */
    private volatile String decoyHash;
    private final long decoySeed = random.nextLong();

    /**
     * Who a valid credential belongs to, and whether they must first replace a one-time password. {@code sso}: signed
     * in through the single sign-on provider, whose groups gave the roles.
     */
    public record SignedIn(Principal principal, boolean mustChangePassword, boolean sso) {
        public SignedIn(Principal principal, boolean mustChangePassword) {
            this(principal, mustChangePassword, false);
        }
    }

    /** A new browser session: the cookie value (shown once) and its CSRF token. */
    public record NewSession(String cookieValue, String csrfToken, Instant expiresAt, SignedIn who) {
    }

    /** A new machine token: the secret is shown once and never stored. */
    public record NewToken(MachineToken.View token, String secret) {
    }

    public Identities(AndonDatabase db, ObjectMapper json, Plant plant, PermissionPolicy policy, AuditTrail audit,
                      PasswordHasher hasher, SignInThrottle throttle, Clock clock) {
        this.db = db;
        this.accounts = db.jsonMap("identity-accounts");
        this.tokens = db.jsonMap("identity-tokens");
        this.sessions = db.jsonMap("identity-sessions");
        this.secrets = db.jsonMap("identity-secrets");
        this.json = json;
        this.plant = plant;
        this.people = new PlantPeople(plant);
        this.policy = policy;
        this.audit = audit;
        this.hasher = hasher;
        this.throttle = throttle;
        this.clock = clock;
        accounts.forEach((k, v) -> accountMirror.put(k, read(v, Account.class)));
        tokens.forEach((k, v) -> tokenMirror.put(k, read(v, MachineToken.class)));
        sessions.forEach((k, v) -> sessionMirror.put(k, read(v, BrowserSession.class)));
        expireSessions();
    }

    /**
     * Removes every browser session past its end, each with its audit record ({@code session.expire}, by
     * {@code system:andon-sessions}); the application runs this every minute and at start. Returns how many went.
     */
    public int expireSessions() {
        Instant now = clock.instant();
        List<BrowserSession> ended = sessionMirror.values().stream().filter(s -> s.expired(now)).toList();
        if (ended.isEmpty()) {
            return 0;
        }
        db.write(() -> {
            for (BrowserSession s : ended) {
                mirrored(sessions, sessionMirror, s.idHash(), null);
                audit.record(SESSIONS, "session.expire", "user/" + s.userId(),
                        Map.of("openedAt", s.createdAt().toString(), "endsAt", s.expiresAt().toString()), null);
            }
        });
        return ended.size();
    }

    private String decoyHash() {
        String h = decoyHash;
        if (h == null) {
            decoyHash = h = hasher.hash("decoy-" + decoySeed); // two first sign-ins at once may both make one: harmless
        }
        return h;
    }

    public PermissionPolicy policy() {
        return policy;
    }

    // ---- first start -------------------------------------------------------------------------------------------

    /**
     * Creates the first administrator when there is none. With {@code chosenPassword} (from ANDON_ADMIN_PASSWORD) that
     * is the password; otherwise a one-time password is generated and returned, to be shown once.
     */
    public Optional<String> ensureAdmin(String chosenPassword) {
        if (accountMirror.containsKey(ADMIN_ID)) {
            return Optional.empty();
        }
        boolean generated = chosenPassword == null || chosenPassword.isBlank();
        String password = generated ? hasher.randomPassword() : chosenPassword;
        if (!generated) {
            requireStrong(password, "ANDON_ADMIN_PASSWORD");
        }
        Instant now = clock.instant();
        Account admin = new Account(ADMIN_ID, "Administrator", Set.of(Principal.ADMIN_ROLE), hasher.hash(password),
                generated, false, false, now, now);
        db.write(() -> {
            put(admin);
            audit.record(Principal.system("first-start"), "user.create", "user/" + ADMIN_ID, null, admin.view());
        });
        return generated ? Optional.of(password) : Optional.empty();
    }

    /**
     * For the bundled sample plant only: gives every person who has no password yet a generated one, marked sample,
     * and returns them (to print for the try-out). Never called for a user's own plant.
     */
    public Map<String, String> ensureSamplePasswords() {
        Map<String, String> created = new LinkedHashMap<>();
        Map<String, Account> toStore = new LinkedHashMap<>();
        Instant now = clock.instant();
        for (Person p : plant.people()) {
            Account existing = account(p.id()).orElse(null);
            if (existing == null || existing.passwordHash() == null) {
                String pw = hasher.randomPassword();
                created.put(p.id(), pw);
                toStore.put(p.id(), new Account(p.id(), p.name(), existing == null ? Set.of() : existing.extraRoles(),
                        hasher.hash(pw), false, true, false, now, now));
            }
        }
        if (!toStore.isEmpty()) {
            db.write(() -> {
                toStore.values().forEach(this::put);
                audit.record(Principal.system("sample-plant"), "user.sample-passwords", "user/*", null,
                        Map.of("people", new TreeSet<>(toStore.keySet())));
            });
        }
        return created;
    }

    // ---- sign-in -----------------------------------------------------------------------------------------------

    public SignedIn signIn(String userId, String password, String address) {
        List<Problem> problems = new ArrayList<>();
        if (userId == null || userId.isBlank()) {
            problems.add(new Problem("user", "is required"));
        }
        if (password == null || password.isEmpty()) {
            problems.add(new Problem("password", "is required"));
        } else if (password.length() > MAX_PASSWORD) {
            problems.add(new Problem("password", "is longer than " + MAX_PASSWORD + " characters"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = userId.trim();
        throttle.check(id, address);
        Optional<Account> account = account(id);
        boolean ok = hasher.verify(password, account.map(Account::passwordHash).orElseGet(this::decoyHash))
                && account.isPresent() && !account.get().disabled();
        Optional<Principal> principal = ok ? principalOf(id) : Optional.empty();
        if (principal.isEmpty()) {
            throttle.failed(id, address);
            audit.record(null, "login.failed", "user/" + id, null, Map.of("address", String.valueOf(address)));
            throw new UnauthenticatedException("wrong user name or password");
        }
        throttle.succeeded(id);
        audit.record(principal.get(), "login", "user/" + id, null, Map.of("address", String.valueOf(address)));
        return new SignedIn(principal.get(), account.get().mustChangePassword());
    }

    /** The principal of a signed-in user id (from a session or a bearer token), as the plant file says today. */
    public Optional<SignedIn> signedIn(String userId) {
        Optional<Account> account = account(userId);
        if (account.isEmpty() || account.get().disabled() || account.get().passwordHash() == null) {
            return Optional.empty();
        }
        return principalOf(userId).map(p -> new SignedIn(p, account.get().mustChangePassword()));
    }

    private Optional<Principal> principalOf(String userId) {
        Optional<Account> account = account(userId);
        Set<String> extra = account.map(Account::extraRoles).orElse(Set.of());
        Optional<Principal> person = people.principalOf(userId);
        if (person.isPresent()) {
            Principal p = person.get();
            Set<String> roles = new LinkedHashSet<>(p.roles());
            roles.addAll(extra);
            return Optional.of(Principal.person(p.id(), p.name(), roles, p.lines(),
                    p.allLines() || extra.contains(Principal.ADMIN_ROLE)));
        }
        return account.filter(a -> !a.extraRoles().isEmpty())
                .map(a -> Principal.person(a.id(), a.name(), a.extraRoles(), Set.of(), true));
    }

    // ---- browser sessions --------------------------------------------------------------------------------------

    public NewSession openSession(SignedIn who) {
        String cookie = randomToken(32);
        String csrf = randomToken(24);
        Instant now = clock.instant();
        BrowserSession s = new BrowserSession(sha256(cookie), who.principal().id(), csrf, now, now.plus(SESSION_LIFETIME),
                who.sso() ? new TreeSet<>(who.principal().roles()) : null);
        db.write(() -> mirrored(sessions, sessionMirror, s.idHash(), s));
        return new NewSession(cookie, csrf, s.expiresAt(), who);
    }

    /** The session behind a cookie value, while it is open and its account still valid. */
    public Optional<BrowserSession> session(String cookieValue) {
        if (cookieValue == null || cookieValue.length() > 200) {
            return Optional.empty();
        }
        BrowserSession s = sessionMirror.get(sha256(cookieValue));
        return s == null || s.expired(clock.instant()) ? Optional.empty() : Optional.of(s);
    }

    /** Who a browser session belongs to now: a local account as the store says, a single sign-on as it signed in. */
    public Optional<SignedIn> signedIn(BrowserSession s) {
        if (s.ssoRoles() == null) {
            return signedIn(s.userId());
        }
        return people.principalOf(s.userId()).map(p -> new SignedIn(
                Principal.person(p.id(), p.name(), s.ssoRoles(), p.lines(), p.allLines()), false, true));
    }

    /**
     * A person signed in by the single sign-on provider: {@code roles} come from its group claims (already mapped),
     * lines from the roster. Only people of the plant file may sign in; with no mapped role there is nothing to do.
     */
    public SignedIn signInExternally(String personId, Set<String> roles, String issuer) {
        Optional<Principal> person = people.principalOf(personId == null ? "" : personId);
        if (person.isEmpty()) {
            audit.record(null, "login.failed", "user/" + personId, null, Map.of("via", issuer, "why", "not a person of the plant"));
            throw new dev.andon.core.error.ForbiddenException("'" + personId + "' is not a person of this plant");
        }
        if (roles.isEmpty()) {
            audit.record(null, "login.failed", "user/" + personId, null, Map.of("via", issuer, "why", "no mapped group"));
            throw new dev.andon.core.error.ForbiddenException("none of your groups is mapped to an Andon role");
        }
        Principal p = person.get();
        Principal signed = Principal.person(p.id(), p.name(), roles, p.lines(), p.allLines());
        audit.record(signed, "login", "user/" + p.id(), null, Map.of("via", issuer, "roles", new TreeSet<>(roles)));
        return new SignedIn(signed, false, true);
    }

    public void closeSession(String cookieValue, Principal who) {
        if (cookieValue == null) {
            return;
        }
        db.write(() -> {
            if (mirrored(sessions, sessionMirror, sha256(cookieValue), null) != null) {
                audit.record(who, "logout", "user/" + who.id(), null, null);
            }
        });
    }

    // ---- passwords ---------------------------------------------------------------------------------------------

    public void changeOwnPassword(Principal me, String current, String next) {
        Account acc = account(me.id()).orElseThrow(() -> new UnauthenticatedException("no account for " + me.id()));
        if (!hasher.verify(current == null ? "" : current, acc.passwordHash())) {
            throw new InvalidInputException(List.of(new Problem("currentPassword", "is not your current password")));
        }
        requireStrong(next, "newPassword");
        if (next.equals(current)) {
            throw new InvalidInputException(List.of(new Problem("newPassword", "must differ from the current one")));
        }
        Account updated = acc.withPassword(hasher.hash(next), false, clock.instant());
        db.write(() -> {
            put(updated);
            dropSessionsOf(me.id());
            audit.record(me, "user.password-change", "user/" + me.id(), null, null);
        });
    }

    /** An administrator sets a one-time password for a person of the plant file (or another admin account). */
    public String issueOneTimePassword(Principal admin, String userId) {
        policy.require(admin, Action.USERS_MANAGE, null);
        Optional<Person> person = plant.person(userId);
        Optional<Account> existing = account(userId);
        if (person.isEmpty() && existing.isEmpty()) {
            throw new NotFoundException("person or account", userId);
        }
        String pw = hasher.randomPassword();
        Instant now = clock.instant();
        Account updated = existing.map(a -> a.withPassword(hasher.hash(pw), true, now))
                .orElseGet(() -> new Account(userId, person.get().name(), Set.of(), hasher.hash(pw), true, false, false, now, now));
        db.write(() -> {
            put(updated);
            dropSessionsOf(userId);
            audit.record(admin, "user.one-time-password", "user/" + userId, existing.map(Account::view).orElse(null),
                    updated.view());
        });
        return pw;
    }

    public Account.View setAdmin(Principal admin, String userId, boolean isAdmin) {
        policy.require(admin, Action.USERS_MANAGE, null);
        Account acc = account(userId).orElseThrow(() -> new NotFoundException("account", userId));
        if (!isAdmin && admin.id().equals(userId)) {
            throw new ConflictException("you cannot take your own administrator role; ask another administrator");
        }
        Set<String> roles = new TreeSet<>(acc.extraRoles());
        if (isAdmin) {
            roles.add(Principal.ADMIN_ROLE);
        } else {
            roles.remove(Principal.ADMIN_ROLE);
        }
        Account updated = new Account(acc.id(), acc.name(), roles, acc.passwordHash(), acc.mustChangePassword(),
                acc.sample(), acc.disabled(), acc.createdAt(), acc.passwordSetAt());
        db.write(() -> {
            put(updated);
            audit.record(admin, isAdmin ? "user.grant-admin" : "user.revoke-admin", "user/" + userId, acc.view(), updated.view());
        });
        return updated.view();
    }

    public Account.View setDisabled(Principal admin, String userId, boolean disabled) {
        policy.require(admin, Action.USERS_MANAGE, null);
        Account acc = account(userId).orElseThrow(() -> new NotFoundException("account", userId));
        if (admin.id().equals(userId)) {
            throw new ConflictException("you cannot disable your own account");
        }
        Account updated = acc.withDisabled(disabled);
        db.write(() -> {
            put(updated);
            if (disabled) {
                dropSessionsOf(userId);
            }
            audit.record(admin, disabled ? "user.disable" : "user.enable", "user/" + userId, acc.view(), updated.view());
        });
        return updated.view();
    }

    /** Every person of the plant file and every local account, with whether they can sign in. */
    public List<Map<String, Object>> users(Principal admin) {
        policy.require(admin, Action.USERS_MANAGE, null);
        List<Map<String, Object>> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Person p : plant.people()) {
            seen.add(p.id());
            out.add(userView(p.id(), p.name(), p.roles(), account(p.id())));
        }
        accountMirror.keySet().stream().filter(id -> !seen.contains(id)).sorted()
                .forEach(id -> out.add(userView(id, account(id).map(Account::name).orElse(id), List.of(), account(id))));
        return out;
    }

    private Map<String, Object> userView(String id, String name, List<String> plantRoles, Optional<Account> acc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        Set<String> roles = new TreeSet<>(plantRoles);
        acc.ifPresent(a -> roles.addAll(a.extraRoles()));
        m.put("roles", roles);
        m.put("canSignIn", acc.map(a -> a.passwordHash() != null && !a.disabled()).orElse(false));
        m.put("account", acc.map(Account::view).orElse(null));
        return m;
    }

    // ---- machine tokens ----------------------------------------------------------------------------------------

    public NewToken createToken(Principal admin, String name, Set<String> scopes, Set<String> lines) {
        policy.require(admin, Action.TOKENS_MANAGE, null);
        List<Problem> problems = new ArrayList<>();
        if (name == null || name.isBlank() || name.length() > 100) {
            problems.add(new Problem("name", "is required, at most 100 characters"));
        }
        if (scopes == null || scopes.isEmpty()) {
            problems.add(new Problem("scopes", "name at least one scope: " + policy.scopes()));
        } else {
            scopes.stream().filter(s -> !policy.scopes().contains(s)).forEach(s ->
                    problems.add(new Problem("scopes", "unknown scope '" + s + "' (known: " + policy.scopes() + ")")));
        }
        if (lines != null) {
            lines.stream().filter(l -> plant.line(l).isEmpty()).forEach(l ->
                    problems.add(new Problem("lines", "unknown line '" + l + "'")));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String id = randomToken(9).replaceAll("[^A-Za-z0-9]", "x");
        String secret = TOKEN_PREFIX + id + "_" + randomToken(32);
        MachineToken token = new MachineToken(id, name.trim(), new TreeSet<>(scopes), lines == null ? Set.of() : new TreeSet<>(lines),
                sha256(secret), admin.id(), clock.instant(), null, null);
        db.write(() -> {
            mirrored(tokens, tokenMirror, id, token);
            audit.record(admin, "token.create", "token/" + id, null, token.view());
        });
        return new NewToken(token.view(), secret);
    }

    public List<MachineToken.View> tokens(Principal admin) {
        policy.require(admin, Action.TOKENS_MANAGE, null);
        return tokenMirror.values().stream().map(MachineToken::view)
                .sorted(Comparator.comparing(MachineToken.View::createdAt)).toList();
    }

    public MachineToken.View revokeToken(Principal admin, String id) {
        policy.require(admin, Action.TOKENS_MANAGE, null);
        MachineToken before = tokenMirror.get(id);
        if (before == null) {
            throw new NotFoundException("token", id);
        }
        if (before.revoked()) {
            throw new ConflictException("token '" + id + "' was already revoked at " + before.revokedAt());
        }
        MachineToken after = before.revoke(admin.id(), clock.instant());
        db.write(() -> {
            mirrored(tokens, tokenMirror, id, after);
            audit.record(admin, "token.revoke", "token/" + id, before.view(), after.view());
        });
        return after.view();
    }

    /** The principal of a machine token's secret, unless it is unknown or revoked. */
    public Optional<Principal> machine(String secret) {
        if (secret == null || !secret.startsWith(TOKEN_PREFIX) || secret.length() > 200) {
            return Optional.empty();
        }
        String rest = secret.substring(TOKEN_PREFIX.length());
        int cut = rest.indexOf('_');
        if (cut <= 0) {
            return Optional.empty();
        }
        MachineToken t = tokenMirror.get(rest.substring(0, cut));
        if (t == null) {
            return Optional.empty();
        }
        boolean match = MessageDigest.isEqual(t.secretHash().getBytes(StandardCharsets.US_ASCII),
                sha256(secret).getBytes(StandardCharsets.US_ASCII));
        return match && !t.revoked() ? Optional.of(t.principal()) : Optional.empty();
    }

    public static boolean looksLikeMachineToken(String bearer) {
        return bearer != null && bearer.startsWith(TOKEN_PREFIX);
    }

    // ---- keys --------------------------------------------------------------------------------------------------

    /** The key that signs bearer tokens (HS256), made once at first start and kept in the store. */
    public String signingKey() {
        String key = secrets.get("jwt-hs256");
        if (key == null) {
            String made = randomToken(48);
            db.write(() -> {
                if (!secrets.containsKey("jwt-hs256")) {
                    secrets.put("jwt-hs256", made);
                }
            });
            key = secrets.get("jwt-hs256");
        }
        return key;
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    public Optional<Account> account(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(accountMirror.get(id));
    }

    private void put(Account a) {
        mirrored(accounts, accountMirror, a.id(), a);
    }

    private void dropSessionsOf(String userId) {
        sessionMirror.values().stream().filter(s -> s.userId().equals(userId)).map(BrowserSession::idHash).toList()
                .forEach(h -> mirrored(sessions, sessionMirror, h, null));
    }

    /** Puts (or with null removes) in the store map and its mirror, undoing the mirror if the write rolls back. */
    private <T> T mirrored(Map<String, String> stored, Map<String, T> mirror, String key, T value) {
        T old = value == null ? mirror.remove(key) : mirror.put(key, value);
        db.onRollback(() -> {
            if (old == null) {
                mirror.remove(key);
            } else {
                mirror.put(key, old);
            }
        });
        if (value == null) {
            stored.remove(key);
        } else {
            stored.put(key, write(value));
        }
        return old;
    }

    private static void requireStrong(String password, String field) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidInputException(List.of(new Problem(field, "must be at least " + MIN_PASSWORD + " characters")));
        }
        if (password.length() > MAX_PASSWORD) {
            throw new InvalidInputException(List.of(new Problem(field, "must be at most " + MAX_PASSWORD + " characters")));
        }
    }

    private String randomToken(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object o) {
        try {
            return json.writeValueAsString(o);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String doc, Class<T> type) {
        try {
            return json.readValue(doc, type);
        } catch (Exception e) {
            throw new IllegalStateException("unreadable " + type.getSimpleName(), e);
        }
    }
}

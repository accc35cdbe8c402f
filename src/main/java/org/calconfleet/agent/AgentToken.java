package org.calconfleet.agent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

import org.calconfleet.host.agent.AgentApi;
import org.jspecify.annotations.Nullable;

/**
 * The agent's bearer token, of which only a salted SHA-256 hash is kept ({@value #FILE} in the agent's home:
 * {@code sha256$<salt>$<hash>}, base64url). A generated token has 256 random bits, and a given one must be at
 * least 32 characters, so a slow password hash would add nothing but time per request. Checking compares hashes
 * in constant time.
 */
public final class AgentToken {

    public static final String FILE = "token.sha256";
    private static final String SCHEME = "sha256";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] salt;
    private final byte[] hash;

    private AgentToken(byte[] salt, byte[] hash) {
        this.salt = salt;
        this.hash = hash;
    }

    /**
     * What starting found: the token to check requests with, and the token itself only when it was made just now
     * (to be shown once), and whether a given token replaced a stored one.
     */
    public record Start(AgentToken token, @Nullable String generated, boolean replaced, boolean given) {
    }

    /**
     * The given token (stored as its hash, replacing any other), else the stored hash, else a new token, stored
     * as its hash and returned in {@link Start#generated()}.
     */
    public static Start loadOrCreate(Path home, @Nullable String given) {
        Path file = home.resolve(FILE);
        try {
            AgentFiles.home(home);
            if (given != null && !given.isEmpty()) {
                if (!AgentApi.TOKEN.matcher(given).matches()) {
                    throw new IllegalStateException("CALCON_AGENT_TOKEN must be 32 to 256 characters of"
                            + " A-Z a-z 0-9 . _ ~ + / - (e.g. 43 random base64url characters)");
                }
                boolean replaced = Files.exists(file) && !read(file).matches(given);
                AgentToken token = hashed(given);
                token.store(file);
                return new Start(token, null, replaced, true);
            }
            if (Files.exists(file)) {
                return new Start(read(file), null, false, false);
            }
            String generated = generate();
            AgentToken token = hashed(generated);
            token.store(file);
            return new Start(token, generated, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** 256 random bits, base64url without padding (43 characters). */
    public static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static AgentToken hashed(String token) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return new AgentToken(salt, digest(salt, token));
    }

    /** Whether {@code presented} is the token; the comparison takes the same time wherever they differ. */
    public boolean matches(@Nullable String presented) {
        if (presented == null || presented.length() > 512) {
            return false;
        }
        return MessageDigest.isEqual(hash, digest(salt, presented));
    }

    private void store(Path file) throws IOException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        AgentFiles.writePrivate(file, (SCHEME + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash) + "\n")
                .getBytes(StandardCharsets.US_ASCII));
    }

    private static AgentToken read(Path file) throws IOException {
        String[] parts = Files.readString(file, StandardCharsets.US_ASCII).strip().split("\\$");
        if (parts.length != 3 || !parts[0].equals(SCHEME)) {
            throw new IllegalStateException(file + " is not a token hash of this agent; delete it to make a new token");
        }
        Base64.Decoder b64 = Base64.getUrlDecoder();
        return new AgentToken(b64.decode(parts[1]), b64.decode(parts[2]));
    }

    private static byte[] digest(byte[] salt, String token) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            return sha.digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

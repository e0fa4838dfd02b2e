package uk.gov.inspectorates.portal.storage.crypto;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads envelope-cipher-test-vectors.txt: blocks of {@code name = value} lines separated by blank lines. */
record TestVectors(String name, byte[] key, String objectId, int segmentSize, byte[] noncePrefix, byte[] plaintext,
                   byte[] ciphertext) {

    static final String RESOURCE = "/envelope-cipher-test-vectors.txt";

    @Override
    public String toString() {
        return name;
    }

    static List<TestVectors> load() throws IOException {
        List<TestVectors> vectors = new ArrayList<>();
        try (InputStream in = TestVectors.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IOException("missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> block = new LinkedHashMap<>();
            for (String line = reader.readLine(); ; line = reader.readLine()) {
                if (line == null || line.isBlank()) {
                    if (!block.isEmpty()) {
                        vectors.add(from(block));
                        block.clear();
                    }
                    if (line == null) {
                        break;
                    }
                } else if (!line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    block.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        }
        return vectors;
    }

    private static TestVectors from(Map<String, String> block) {
        HexFormat hex = HexFormat.of();
        return new TestVectors(block.get("name"), hex.parseHex(block.get("key")), block.get("objectId"),
                Integer.parseInt(block.get("segmentSize")), hex.parseHex(block.get("noncePrefix")),
                hex.parseHex(block.get("plaintext")), hex.parseHex(block.get("ciphertext")));
    }
}

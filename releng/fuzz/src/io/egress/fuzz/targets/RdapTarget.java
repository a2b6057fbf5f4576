package io.egress.fuzz.targets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.egress.enrich.internal.json.JsonParseException;
import io.egress.enrich.internal.rdap.RdapJsonMapper;
import io.egress.fuzz.FuzzTarget;
import io.egress.fuzz.Mutator;
import io.egress.fuzz.SharedFiles;

/**
 * The RDAP JSON reader: RdapJsonMapper.parseNetwork (JsonParser, then the network mapping: entities,
 * vCards, events, CIDRs from ranges). Seeds: RDAP network answers shaped like the five registries'
 * (written here), and the bootstrap files shipped in io.egress.enrich.
 */
public final class RdapTarget implements FuzzTarget {
    private static final Path BOOTSTRAP = Path.of("bundles/io.egress.enrich/src/io/egress/enrich/rdap/bootstrap");

    @Override
    public String name() {
        return "rdap";
    }

    @Override
    public List<byte[]> seeds() throws Exception {
        List<byte[]> seeds = new ArrayList<>();
        for (String doc : RdapSeedDocuments.all()) {
            seeds.add(doc.getBytes(StandardCharsets.UTF_8));
        }
        for (Path p : SharedFiles.files(SharedFiles.projectRoot().resolve(BOOTSTRAP), ".json")) {
            byte[] b = Files.readAllBytes(p);
            seeds.add(java.util.Arrays.copyOf(b, Math.min(b.length, 8192)));
        }
        return seeds;
    }

    @Override
    public void run(byte[] input) throws Exception {
        RdapJsonMapper.parseNetwork(new String(input, StandardCharsets.UTF_8)).toString();
    }

    @Override
    public boolean isDocumented(Throwable failure) {
        return failure instanceof JsonParseException;
    }

    @Override
    public Mutator mutator(Random random, List<byte[]> seeds) {
        return new JsonTreeMutator(random, seeds, "[", "]", "{", "}", "\"", ",", ":", "\\u", "\\ud800", "\\", "null", "true",
                "-", "1e999999999", "0.0000000001", "-0", "123456789012345678901234567890", "\"ip network\"",
                "\"startAddress\":\"::\"", "\"endAddress\":\"ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff\"",
                "\"startAddress\":\"0.0.0.0\"", "\"endAddress\":\"255.255.255.255\"", "\"entities\":[{", "\"vcardArray\":[\"vcard\",[",
                "\"eventDate\":\"", "\"roles\":[\"registrant\"]", "\u00e9", "\u202e", "\u0000", "\"cidr0_cidrs\":[{\"v4prefix\":\"",
                "\"length\":", "99", "-1");
    }
}

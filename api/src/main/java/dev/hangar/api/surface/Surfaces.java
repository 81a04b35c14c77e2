package dev.hangar.api.surface;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every surface definition in the application context, and the one a path belongs to: the
 * surface whose matching pattern (owned or error scope) is the most specific, i.e. has the most
 * literal characters. Adding a surface is adding a {@link SurfaceDefinition} bean; nothing here
 * names one.
 */
@Component
public class Surfaces {

    private record Claim(PathPattern pattern, int literals, SurfaceDefinition surface) {
    }

    private final List<SurfaceDefinition> all;
    private final List<Claim> claims;

    public Surfaces(List<SurfaceDefinition> all) {
        if (all.isEmpty()) {
            throw new IllegalStateException("No surface is defined");
        }
        this.all = List.copyOf(all);
        PathPatternParser parser = PathPatternParser.defaultInstance;
        this.claims = all.stream()
                .flatMap(s -> Stream.concat(s.paths().stream(), s.errorScope().stream())
                        .map(p -> new Claim(parser.parse(p), literals(p), s)))
                .sorted(Comparator.comparingInt(Claim::literals).reversed())
                .toList();
        claims.stream().collect(Collectors.groupingBy(c -> c.pattern().getPatternString()))
                .forEach((pattern, owners) -> {
                    if (owners.stream().map(Claim::surface).distinct().count() > 1) {
                        throw new IllegalStateException("Path " + pattern + " is claimed by "
                                + owners.stream().map(Claim::surface).toList());
                    }
                });
    }

    public List<SurfaceDefinition> all() {
        return all;
    }

    /** The surface that answers {@code path}; the first one defined when none claims it. */
    public SurfaceDefinition of(String path) {
        PathContainer container;
        try {
            container = PathContainer.parsePath(path);
        } catch (IllegalArgumentException malformedEscape) {
            // "/api/%zz" still gets an answer in the body of the surface it was meant for
            container = PathContainer.parsePath(path.replace("%", "%25"));
        }
        for (Claim claim : claims) {
            if (claim.pattern().matches(container)) {
                return claim.surface();
            }
        }
        return all.get(0);
    }

    public Stream<String> publicPaths() {
        return all.stream().flatMap(s -> s.publicPaths().stream());
    }

    public Stream<String> adminPaths() {
        return all.stream().flatMap(s -> s.adminPaths().stream());
    }

    /** Characters outside wildcards and variables: {@code /api/v1/**} beats {@code /api/**} beats {@code /**}. */
    private static int literals(String pattern) {
        return pattern.replaceAll("\\{[^}]*}", "").replace("*", "").replace("?", "").length();
    }
}

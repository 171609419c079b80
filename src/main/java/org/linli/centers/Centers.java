package org.linli.centers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.linli.centers.internal.CenterRepository;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;

/**
 * The district tree as other modules and the web layer read it. Every request asks it several times
 * (the access check, each section of a page), and the tree changes only when a center is created, so it
 * is read from a snapshot of the whole tree: reloaded after a center is created here, and at most a few
 * seconds old when another instance created one (a code not in the snapshot is still looked up).
 */
@Service
public class Centers {

    private static final long MAX_AGE_NANOS = 5_000_000_000L;

    private record Tree(List<Center> all, Map<String, Center> byCode, long loadedAt) {
    }

    private final CenterRepository repository;
    private volatile Tree tree;

    Centers(CenterRepository repository) {
        this.repository = repository;
    }

    private Tree tree() {
        Tree t = tree;
        if (t == null || System.nanoTime() - t.loadedAt() > MAX_AGE_NANOS) {
            List<Center> all = List.copyOf(repository.findAll());
            Map<String, Center> byCode = new LinkedHashMap<>();
            all.forEach(c -> byCode.put(c.code().value(), c));
            t = new Tree(all, Map.copyOf(byCode), System.nanoTime());
            tree = t;
        }
        return t;
    }

    /** A center was created: the next read reloads the tree (and again once the creation has committed). */
    public void refresh() {
        tree = null;
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            tree = null;
                        }
                    });
        }
    }

    /** Every center, district first, then streets, then communities, each in the order they were created. */
    public List<Center> all() {
        return tree().all();
    }

    public Optional<Center> find(String code) {
        if (!CenterCode.isWellFormed(code)) {
            return Optional.empty();
        }
        Center known = tree().byCode().get(code);
        return known != null ? Optional.of(known) : repository.findByCode(new CenterCode(code));
    }

    /** The center, or a 404 refusal ({@code CENTER_NOT_FOUND}) naming the code asked for. */
    public Center require(String code) {
        return find(code).orElseThrow(() -> LinliException.notFound("CENTER_NOT_FOUND", code));
    }

    public List<Center> children(CenterCode parent) {
        return tree().all().stream().filter(c -> parent.equals(c.parentCode())).toList();
    }

    /** From the district down to the center itself. */
    public List<Center> path(Center center) {
        Map<String, Center> byCode = tree().byCode();
        if (!byCode.containsKey(center.code().value())) {
            return repository.findPath(center.code());
        }
        List<Center> up = new ArrayList<>();
        for (Center c = center; c != null; c = c.parentCode() == null ? null : byCode.get(c.parentCode().value())) {
            up.add(0, c);
        }
        return up;
    }

    /** The codes of a center and of every center under it (the tree's order: a center before its children). */
    public List<String> subtree(String code) {
        Center root = require(code);
        java.util.Set<String> inside = new java.util.HashSet<>(List.of(root.code().value()));
        List<String> out = new ArrayList<>(List.of(root.code().value()));
        // the snapshot lists parents before children (district, streets, communities)
        for (Center c : tree().all()) {
            if (c.parentCode() != null && inside.contains(c.parentCode().value()) && inside.add(c.code().value())) {
                out.add(c.code().value());
            }
        }
        return out;
    }

    public Optional<Center> district() {
        return all().stream().filter(c -> c.level() == CenterLevel.DISTRICT).findFirst();
    }
}

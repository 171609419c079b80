package org.linli.centers;

import java.util.List;
import java.util.Optional;
import org.linli.centers.internal.CenterRepository;
import org.linli.platform.LinliException;
import org.springframework.stereotype.Service;

/** The district tree as other modules and the web layer read it. */
@Service
public class Centers {

    private final CenterRepository repository;

    Centers(CenterRepository repository) {
        this.repository = repository;
    }

    /** Every center, district first, then streets, then communities, each by code. */
    public List<Center> all() {
        return repository.findAll();
    }

    public Optional<Center> find(String code) {
        return CenterCode.isWellFormed(code) ? repository.findByCode(new CenterCode(code)) : Optional.empty();
    }

    /** The center, or a 404 refusal ({@code CENTER_NOT_FOUND}) naming the code asked for. */
    public Center require(String code) {
        return find(code).orElseThrow(() -> LinliException.notFound("CENTER_NOT_FOUND", code));
    }

    public List<Center> children(CenterCode parent) {
        return repository.findChildren(parent);
    }

    /** From the district down to the center itself. */
    public List<Center> path(Center center) {
        return repository.findPath(center.code());
    }

    /** The codes of a center and of every center under it. */
    public List<String> subtree(String code) {
        return repository.findSubtreeCodes(require(code).code());
    }

    public Optional<Center> district() {
        return all().stream().filter(c -> c.level() == CenterLevel.DISTRICT).findFirst();
    }
}

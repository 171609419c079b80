package org.linli.catalog.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.linli.catalog.ItemKind;
import org.linli.centers.Centers;
import org.linli.identity.Callers;
import org.linli.platform.Access;
import org.linli.platform.ActorId;
import org.linli.platform.LinliException;
import org.linli.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editors' pages: the district admin keeps the template; a center admin adopts items, sets how the
 * center handles them and its local details, and keeps its own items; staff add colloquial words.
 */
@Controller
class CatalogAdminPageController {

    private static final int BLANK_ROWS = 3;

    private final CatalogRepository repository;
    private final ItemEditing items;
    private final AdoptionEditing adoptions;
    private final SynonymEditing synonyms;
    private final Centers centers;
    private final Categories categories;
    private final Callers callers;

    CatalogAdminPageController(CatalogRepository repository, ItemEditing items, AdoptionEditing adoptions,
            SynonymEditing synonyms, Centers centers, Categories categories, Callers callers) {
        this.callers = callers;
        this.repository = repository;
        this.items = items;
        this.adoptions = adoptions;
        this.synonyms = synonyms;
        this.centers = centers;
        this.categories = categories;
    }

    // ----- the district template ------------------------------------------------------------------

    @GetMapping("/admin/catalog")
    @Access(roles = Role.DISTRICT_ADMIN)
    String template(Model model) {
        model.addAttribute("items", repository.items().stream().filter(i -> !i.local()).toList());
        return "catalog/admin-template";
    }

    @GetMapping("/admin/catalog/new")
    @Access(roles = Role.DISTRICT_ADMIN)
    String newTemplateItem(Model model) {
        return editor(model, new ItemForm().withBlankRows(BLANK_ROWS), null, null);
    }

    @PostMapping("/admin/catalog/new")
    @Access(roles = Role.DISTRICT_ADMIN)
    String createTemplateItem(@ModelAttribute ItemForm form, Principal principal, Model model,
            HttpServletResponse response) {
        return refusedOr(model, response, () -> editor(model, form.withBlankRows(0), null, null), () -> {
            CatalogItem item = items.createTemplateItem(form.toInput(List.of()), ActorId.of(principal));
            return "redirect:/admin/catalog/items/" + item.code() + "?saved";
        });
    }

    @GetMapping("/admin/catalog/items/{itemCode}")
    @Access(roles = Role.DISTRICT_ADMIN)
    String editTemplateItem(@PathVariable String itemCode, Model model) {
        CatalogItem item = template(itemCode);
        return editor(model, ItemForm.of(item).withBlankRows(BLANK_ROWS), item, null);
    }

    @PostMapping("/admin/catalog/items/{itemCode}")
    @Access(roles = Role.DISTRICT_ADMIN)
    String updateTemplateItem(@PathVariable String itemCode, @ModelAttribute ItemForm form, Principal principal,
            Model model, HttpServletResponse response) {
        CatalogItem current = template(itemCode);
        return refusedOr(model, response, () -> editor(model, form, current, null), () -> {
            items.update(null, itemCode, form.toInput(current.guide().sources()), ActorId.of(principal));
            return "redirect:/admin/catalog/items/" + itemCode + "?saved";
        });
    }

    @PostMapping("/admin/catalog/items/{itemCode}/publication")
    @Access(roles = Role.DISTRICT_ADMIN)
    String publishTemplateItem(@PathVariable String itemCode, @RequestParam boolean published, Principal principal,
            Model model, HttpServletResponse response) {
        CatalogItem current = template(itemCode);
        return refusedOr(model, response,
                () -> editor(model, ItemForm.of(current).withBlankRows(BLANK_ROWS), current, null), () -> {
                    items.publish(null, itemCode, published, ActorId.of(principal));
                    return "redirect:/admin/catalog/items/" + itemCode + "?" + (published ? "published" : "withdrawn");
                });
    }

    // ----- a center's adoptions and own items ------------------------------------------------------

    @GetMapping("/admin/centers/{code}/catalog")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String adoptionsPage(@PathVariable String code, @RequestParam(required = false) String category, Model model) {
        String known = category != null && Categories.known(category) ? category : null;
        Map<String, Adoption> adopted = new java.util.HashMap<>();
        repository.adoptions(code).forEach(a -> adopted.put(a.itemCode(), a));
        List<Map<String, Object>> rows = new ArrayList<>();
        List<CatalogItem> items = repository.items();
        for (CatalogItem item : items) {
            boolean mine = item.local() && code.equals(item.ownerCenter());
            if ((item.local() && !mine) || (known != null && !known.equals(item.category()))) {
                continue;
            }
            Map<String, Object> row = new java.util.HashMap<>();
            row.put("item", item);
            row.put("adoption", adopted.get(item.code()));
            rows.add(row);
        }
        model.addAttribute("center", centers.require(code));
        model.addAttribute("rows", rows);
        model.addAttribute("category", known);
        model.addAttribute("categories", categories.codes());
        model.addAttribute("kinds", ItemKind.values());
        Map<String, CatalogItem> byCode = new java.util.HashMap<>();
        items.forEach(i -> byCode.put(i.code(), i));
        List<Adoption> shown = adopted.values().stream()
                .filter(a -> a.published() && byCode.containsKey(a.itemCode()) && byCode.get(a.itemCode()).published())
                .toList();
        model.addAttribute("publishedGovernment", shown.stream()
                .filter(a -> a.kind() == ItemKind.GOVERNMENT && !byCode.get(a.itemCode()).referral()).count());
        model.addAttribute("publishedProxy", shown.stream()
                .filter(a -> a.kind() == ItemKind.PROXY && !byCode.get(a.itemCode()).referral()).count());
        model.addAttribute("publishedReferrals", shown.stream()
                .filter(a -> byCode.get(a.itemCode()).referral()).count());
        return "catalog/admin-adoptions";
    }

    @PostMapping("/admin/centers/{code}/catalog/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String saveAdoption(@PathVariable String code, @PathVariable String itemCode, @RequestParam String kind,
            @RequestParam(defaultValue = "false") boolean published, @RequestParam(required = false) String windowName,
            @RequestParam(required = false) String phone, @RequestParam(required = false) String hours,
            @RequestParam(required = false) String staffContact, @RequestParam(required = false) String category,
            Model model, HttpServletResponse response) {
        return refusedOr(model, response, () -> adoptionsPage(code, category, model), () -> {
            ItemKind k;
            try {
                k = ItemKind.valueOf(kind);
            } catch (IllegalArgumentException unknown) {
                throw LinliException.invalidField("kind", "ITEM_KIND_REQUIRED");
            }
            adoptions.save(code, itemCode, new AdoptionEditing.AdoptionInput(k, published, windowName, phone, hours,
                    staffContact));
            return "redirect:/admin/centers/" + code + "/catalog?saved=" + itemCode
                    + (category == null || category.isBlank() ? "" : "&category=" + category) + "#row-" + itemCode;
        });
    }

    @PostMapping("/admin/centers/{code}/catalog/{itemCode}/drop")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String dropAdoption(@PathVariable String code, @PathVariable String itemCode, Model model,
            HttpServletResponse response) {
        return refusedOr(model, response, () -> adoptionsPage(code, null, model), () -> {
            adoptions.withdraw(code, itemCode);
            return "redirect:/admin/centers/" + code + "/catalog?dropped=" + itemCode;
        });
    }

    @GetMapping("/admin/centers/{code}/catalog/local/new")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String newLocal(@PathVariable String code, Model model) {
        ItemForm form = new ItemForm().withBlankRows(BLANK_ROWS);
        form.setCategory("LOCAL");
        return editor(model, form, null, code);
    }

    @PostMapping("/admin/centers/{code}/catalog/local/new")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String createLocal(@PathVariable String code, @ModelAttribute ItemForm form, Principal principal, Model model,
            HttpServletResponse response) {
        return refusedOr(model, response, () -> editor(model, form, null, code), () -> {
            CatalogItem item = items.createLocalItem(code, form.toInput(List.of()), ActorId.of(principal));
            return "redirect:/admin/centers/" + code + "/catalog/local/" + item.code() + "?saved";
        });
    }

    @GetMapping("/admin/centers/{code}/catalog/local/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String editLocal(@PathVariable String code, @PathVariable String itemCode, Model model) {
        CatalogItem item = local(code, itemCode);
        return editor(model, ItemForm.of(item).withBlankRows(BLANK_ROWS), item, code);
    }

    @PostMapping("/admin/centers/{code}/catalog/local/{itemCode}")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String updateLocal(@PathVariable String code, @PathVariable String itemCode, @ModelAttribute ItemForm form,
            Principal principal, Model model, HttpServletResponse response) {
        CatalogItem current = local(code, itemCode);
        return refusedOr(model, response, () -> editor(model, form, current, code), () -> {
            items.update(code, itemCode, form.toInput(current.guide().sources()), ActorId.of(principal));
            return "redirect:/admin/centers/" + code + "/catalog/local/" + itemCode + "?saved";
        });
    }

    @PostMapping("/admin/centers/{code}/catalog/local/{itemCode}/publication")
    @Access(roles = {Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String publishLocal(@PathVariable String code, @PathVariable String itemCode, @RequestParam boolean published,
            Principal principal, Model model, HttpServletResponse response) {
        CatalogItem current = local(code, itemCode);
        return refusedOr(model, response,
                () -> editor(model, ItemForm.of(current).withBlankRows(BLANK_ROWS), current, code), () -> {
                    items.publish(code, itemCode, published, ActorId.of(principal));
                    return "redirect:/admin/centers/" + code + "/catalog/local/" + itemCode + "?"
                            + (published ? "published" : "withdrawn");
                });
    }

    // ----- colloquial words -----------------------------------------------------------------------

    @GetMapping("/admin/catalog/synonyms")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String synonymsPage(@RequestParam(defaultValue = "1") int page, Model model) {
        List<CatalogRepository.SynonymRow> all = synonyms.all();
        int size = 50;
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int current = Math.min(Math.max(page, 1), pages);
        model.addAttribute("synonyms", all.subList((current - 1) * size, Math.min(current * size, all.size())));
        model.addAttribute("page", current);
        model.addAttribute("pages", pages);
        model.addAttribute("total", all.size());
        model.addAttribute("canDelete", callers.current().map(c -> c.holds(Role.DISTRICT_ADMIN)).orElse(false));
        return "catalog/admin-synonyms";
    }

    @PostMapping("/admin/catalog/synonyms")
    @Access(roles = {Role.STAFF, Role.CENTER_ADMIN, Role.STREET_ADMIN, Role.DISTRICT_ADMIN})
    String addSynonym(@RequestParam(required = false) String colloquial, @RequestParam(required = false) String official,
            Principal principal, Model model, HttpServletResponse response) {
        return refusedOr(model, response, () -> {
            model.addAttribute("colloquial", colloquial);
            model.addAttribute("official", official);
            return synonymsPage(1, model);
        }, () -> {
            synonyms.add(colloquial, official, ActorId.of(principal));
            return "redirect:/admin/catalog/synonyms?added";
        });
    }

    @PostMapping("/admin/catalog/synonyms/{id}/delete")
    @Access(roles = Role.DISTRICT_ADMIN)
    String deleteSynonym(@PathVariable long id, Model model, HttpServletResponse response) {
        return refusedOr(model, response, () -> synonymsPage(1, model), () -> {
            synonyms.delete(id);
            return "redirect:/admin/catalog/synonyms?deleted";
        });
    }

    // ----- helpers --------------------------------------------------------------------------------

    private String editor(Model model, ItemForm form, CatalogItem item, String centerCode) {
        model.addAttribute("form", form);
        model.addAttribute("item", item);
        model.addAttribute("center", centerCode == null ? null : centers.require(centerCode));
        model.addAttribute("categories", categories.codes());
        model.addAttribute("kinds", ItemKind.values());
        model.addAttribute("units", org.linli.catalog.TimeLimit.Unit.values());
        model.addAttribute("channels", Guide.Channel.values());
        model.addAttribute("forms", Guide.Form.values());
        model.addAttribute("questions", SituationQuestion.values());
        List<String> whens = new ArrayList<>();
        for (SituationQuestion q : SituationQuestion.values()) {
            q.answers().forEach(a -> whens.add(q.key() + "=" + a));
        }
        model.addAttribute("whens", whens);
        model.addAttribute("missing", item == null ? List.of() : item.guide().missingFor(item.defaultKind(),
                item.referral()));
        return "catalog/admin-editor";
    }

    private CatalogItem template(String itemCode) {
        return repository.item(itemCode).filter(i -> !i.local())
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
    }

    private CatalogItem local(String code, String itemCode) {
        return repository.item(itemCode).filter(i -> code.equals(i.ownerCenter()))
                .orElseThrow(() -> LinliException.notFound("CATALOG_ITEM_NOT_FOUND", itemCode));
    }

    /** Runs an edit; a refusal re-renders the page with the error (and its status) instead. */
    private static String refusedOr(Model model, HttpServletResponse response, Supplier<String> page,
            Supplier<String> action) {
        try {
            return action.get();
        } catch (LinliException refusal) {
            if (refusal.status().value() == 404) {
                throw refusal;
            }
            model.addAttribute("error", refusal);
            response.setStatus(refusal.status().value());
            return page.get();
        }
    }
}

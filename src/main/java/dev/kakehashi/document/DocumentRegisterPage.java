package dev.kakehashi.document;

import dev.kakehashi.company.Company;
import dev.kakehashi.company.CompanyDirectory;
import dev.kakehashi.consortium.Consortium;
import dev.kakehashi.consortium.ConsortiumService;
import dev.kakehashi.consortium.Membership;
import dev.kakehashi.document.DocumentControlViews.TransmittalView;
import dev.kakehashi.platform.api.PageRequest;
import dev.kakehashi.platform.api.ProblemException;
import dev.kakehashi.platform.security.CallerContext;
import dev.kakehashi.platform.security.Role;
import dev.kakehashi.platform.web.Actions;
import dev.kakehashi.platform.web.Messages;
import dev.kakehashi.platform.web.PerRequest;
import dev.kakehashi.platform.web.ShellView;
import jakarta.annotation.PreDestroy;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.primefaces.event.FileUploadEvent;

/**
 * The document register of a consortium: filters, registration with a chunked upload, the transmittal
 * composer for my company's selected documents, and the transmittals my company sent and received.
 */
@Named
@ViewScoped
public class DocumentRegisterPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    DocumentService documents;

    @Inject
    TransmittalService transmittals;

    @Inject
    ConsortiumService consortia;

    @Inject
    CompanyDirectory companies;

    @Inject
    DocumentControlPresenter presenter;

    @Inject
    CallerContext context;

    @Inject
    ShellView shell;

    @Inject
    Uploads uploads;

    /** A line of the register as the caller's company sees it. */
    public record Row(String id, String number, String title, String discipline, String type, String revision, DocumentStatus status,
                      String owner, boolean owned) implements Serializable {
    }

    private String consortium;
    private String discipline;
    private String type;
    private String status;
    private String owner;
    private String text;

    private String titleEn;
    private String titleNative;
    private String newDiscipline;
    private String newType;
    private final PendingUpload pending = new PendingUpload();

    private List<Row> selected = new ArrayList<>();
    private List<String> recipients = new ArrayList<>();
    private boolean allMembers;
    private String purpose = TransmittalPurpose.FOR_REVIEW.name();
    private String message;
    private LocalDateTime dueAt;

    public void load() {
        getConsortium();
    }

    public Consortium getConsortium() {
        return PerRequest.get("register.consortium", () -> consortia.visible(consortium));
    }

    public ZoneId getTenderZone() {
        return PerRequest.get("register.zone", () -> consortia.tenderZone(consortium));
    }

    public List<Row> getRows() {
        return PerRequest.get("register.rows", () -> {
            DocumentService.Filter filter = new DocumentService.Filter(blankToNull(discipline), blankToNull(type),
                    status == null || status.isBlank() ? null : DocumentStatus.valueOf(status), documents.companyIdOf(owner), blankToNull(text));
            return documents.list(consortium, filter, PageRequest.of(0, PageRequest.MAX_SIZE)).stream().map(d -> {
                DocumentService.Readable r = documents.readableOf(d);
                return new Row(d.id(), d.number(), d.titleIn(shell.getLocale()), d.discipline(), d.type(), r.latestRevision(), r.status(),
                        documents.ownerAlias(d), r.owned());
            }).toList();
        });
    }

    public List<TransmittalView> getTransmittals() {
        return PerRequest.get("register.transmittals", () -> transmittals.list(consortium, null, PageRequest.of(0, 100)).stream()
                .map(presenter::transmittal).toList());
    }

    public List<String> getMemberAliases() {
        return getConsortium().activeMembers().stream().map(Membership::companyAlias).toList();
    }

    public List<String> getOtherMembers() {
        String me = context.company().alias();
        return getMemberAliases().stream().filter(a -> !a.equals(me)).toList();
    }

    public boolean isMayWrite() {
        return context.caller().has(Role.CONTRIBUTOR) || context.caller().has(Role.BID_MANAGER);
    }

    public DocumentStatus[] getStatuses() {
        return DocumentStatus.values();
    }

    public TransmittalPurpose[] getPurposes() {
        return TransmittalPurpose.values();
    }

    public long getMaxBytes() {
        return uploads.maxBytes();
    }

    public long getChunkBytes() {
        return uploads.chunkBytes();
    }

    public void filter() {
        PerRequest.forget("register.rows");
    }

    /** The upload component hands over the file assembled from its chunks; it goes to the blob store at once. */
    public void upload(FileUploadEvent event) {
        pending.receive(event, uploads, () -> documents.requireMayRegister(consortium));
    }

    public String register() {
        if (pending.content() == null) {
            Messages.warn("document.uploadFirst");
            return null;
        }
        Map<String, String> titles = new LinkedHashMap<>();
        if (titleEn != null && !titleEn.isBlank()) {
            titles.put("en", titleEn.strip());
        }
        if (titleNative != null && !titleNative.isBlank() && !shell.getLanguage().equals("en")) {
            titles.put(shell.getLanguage(), titleNative.strip());
        }
        if (titles.isEmpty()) {
            Messages.warn("document.titleRequired");
            return null;
        }
        if (newDiscipline == null || !DocumentRegisterResource.CODE.matcher(newDiscipline).matches()
                || newType == null || !DocumentRegisterResource.CODE.matcher(newType).matches()) {
            Messages.warn("document.codesInvalid");
            return null;
        }
        DocumentRevision.Content content = pending.content();
        return Actions.change(() -> {
            Document registered = documents.register(consortium, newDiscipline, newType, titles, content);
            pending.used();
            return registered;
        }, "document.registered", Document::number);
    }

    public String transmit() {
        List<TransmittedRevision> revisions = selected.stream().filter(Row::owned).map(r -> new TransmittedRevision(r.id(), r.revision())).toList();
        if (revisions.isEmpty()) {
            Messages.warn("transmittal.selectOwn");
            return null;
        }
        TransmittalService.Dispatch dispatch = new TransmittalService.Dispatch(recipients, allMembers, revisions,
                TransmittalPurpose.valueOf(purpose), message == null ? "" : message.strip(),
                dueAt == null ? null : dueAt.atZone(ZoneId.of(shell.getTimeZone())).toInstant());
        return Actions.change(() -> transmittals.send(consortium, dispatch), "transmittal.sent", Transmittal::number);
    }

    /** An upload that never became a document is only wasted space: remove it when the page goes away. */
    @PreDestroy
    void discardPending() {
        pending.discard(uploads);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public List<Company> getCompanies() {
        return companies.all();
    }

    // ---- properties ----

    public String getConsortiumId() {
        return consortium;
    }

    public void setConsortiumId(String consortium) {
        this.consortium = consortium;
    }

    public String getDiscipline() {
        return discipline;
    }

    public void setDiscipline(String discipline) {
        this.discipline = discipline;
    }

    public String getType() {
        return type;
    }

    public void setType(String type) {
        this.type = type;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getOwner() {
        return owner;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getTitleEn() {
        return titleEn;
    }

    public void setTitleEn(String titleEn) {
        this.titleEn = titleEn;
    }

    public String getTitleNative() {
        return titleNative;
    }

    public void setTitleNative(String titleNative) {
        this.titleNative = titleNative;
    }

    public String getNewDiscipline() {
        return newDiscipline;
    }

    public void setNewDiscipline(String newDiscipline) {
        this.newDiscipline = newDiscipline == null ? null : newDiscipline.strip().toUpperCase(Locale.ROOT);
    }

    public String getNewType() {
        return newType;
    }

    public void setNewType(String newType) {
        this.newType = newType == null ? null : newType.strip().toUpperCase(Locale.ROOT);
    }

    public DocumentRevision.Content getPending() {
        return pending.content();
    }

    public List<Row> getSelected() {
        return selected;
    }

    public void setSelected(List<Row> selected) {
        this.selected = selected;
    }

    public List<String> getRecipients() {
        return recipients;
    }

    public void setRecipients(List<String> recipients) {
        this.recipients = recipients;
    }

    public boolean isAllMembers() {
        return allMembers;
    }

    public void setAllMembers(boolean allMembers) {
        this.allMembers = allMembers;
    }

    public String getPurpose() {
        return purpose;
    }

    public void setPurpose(String purpose) {
        this.purpose = purpose;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }

    public LocalDateTime getDueAt() {
        return dueAt;
    }

    public void setDueAt(LocalDateTime dueAt) {
        this.dueAt = dueAt;
    }
}

using System.Text.Json.Nodes;
using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Configuration;
using Glance.Domain.ImageData;
using Glance.Domain.Members;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Glance.Domain.Images;

/// <summary>Creating, reading, listing, changing and deleting images: every use case as a short pipeline of Glance's checks.</summary>
public sealed class ImageService(
    IDbContextFactory<GlanceDbContext> dbFactory,
    IDatabaseEngine engine,
    ISearchIndex searchIndex,
    ImagePolicy policy,
    QuotaGuard quotas,
    PropertyProtectionEngine protections,
    SharingEvents sharingEvents,
    IImageStores stores,
    IOptions<GlanceOptions> glanceOptions,
    IOptions<LimitsOptions> limits,
    TimeProvider clock,
    ILogger<ImageService> logger)
{
    private bool AllowAdditional => glanceOptions.Value.AllowAdditionalImageProperties;

    /// <summary>Whether the caller may create images in its own project (<c>add_image</c>), for offering the action at all.</summary>
    public bool CanCreate(CallerContext caller) => policy.CanCreate(caller, caller.ProjectId);

    public async Task<Image> CreateAsync(CallerContext caller, NewImage request, CancellationToken ct = default)
    {
        Validate(request);
        var owner = request.Owner ?? caller.ProjectId;
        policy.EnsureCanCreate(caller, owner);
        if (request.Visibility is { } visibility)
        {
            policy.EnsureCanSetVisibility(caller, visibility, owner);
        }
        quotas.EnsureTags(request.Tags.Distinct().Count());
        quotas.EnsureProperties(request.Properties.Keys);
        foreach (var name in request.Properties.Keys)
        {
            EnsureProtectionAllows(caller, name, PropertyOperation.Create);
        }

        var id = request.Id ?? Guid.NewGuid().ToString();
        var image = new Image(id, owner, Now());
        image.SetName(request.Name);
        image.SetVisibility(request.Visibility ?? ImageVisibility.Shared);
        image.SetProtected(request.Protected ?? false);
        image.SetOsHidden(request.OsHidden ?? false);
        image.SetContainerFormat(request.ContainerFormat);
        image.SetDiskFormat(request.DiskFormat);
        image.SetMinRam(request.MinRam ?? 0);
        image.SetMinDisk(request.MinDisk ?? 0);
        image.ReplaceTags(request.Tags);
        foreach (var (name, value) in request.Properties)
        {
            image.SetProperty(name, value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Ids of deleted images stay taken, as in Glance.
        if (await db.Images.AnyAsync(i => i.Id == id, ct))
        {
            throw Duplicate(id);
        }
        db.Images.Add(image);
        ImageChangeRecorder.RecordCreation(db, caller, image, Now());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (engine.IsDuplicateKey(ex))
        {
            // Another request created the same id between the check and the insert.
            throw Duplicate(id);
        }
        return protections.HideUnreadable(caller, image);
    }

    public async Task<Image> GetAsync(CallerContext caller, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await LoadAsync(db, caller, id, tracked: false, ct);
        policy.EnsureCanRead(caller, image);
        return protections.HideUnreadable(caller, image);
    }

    public async Task<ImagePage> ListAsync(CallerContext caller, ImageQuery query, CancellationToken ct = default)
    {
        policy.EnsureCanList(caller);
        var limit = Math.Min(query.Limit ?? limits.Value.LimitParamDefault, limits.Value.ApiLimitMax);
        var keys = ImageOrdering.Complete(query.Sort);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One open for the page's several statements, not one per statement.
        await db.Database.OpenConnectionAsync(ct);
        var readable = await ReadScopeAsync(db, caller, query, ct);
        var walkedTag = TagOrder.WalkedTag(query, keys);
        // The walked tag's rows are the page's source, so the images need not be tested for it again:
        // PostgreSQL would then gather and sort every image with the tag instead of stopping after a page.
        var images = Found(db, caller, walkedTag is null ? query : query with { Tags = query.Tags.Skip(1).ToList() }, SearchIndexUse.WhenSelective, readable);

        Image? markerImage = null;
        if (query.Marker is { } markerId)
        {
            var marker = await db.Images.AsNoTracking().Include(i => i.Members)
                .FirstOrDefaultAsync(i => i.Id == markerId && !i.Deleted, ct)
                ?? throw new ValidationException($"Invalid marker. Image {markerId} could not be found.");
            if (!policy.CanRead(caller, marker))
            {
                // Glance answers 403 here, which tells the caller the image exists (reference §4.2).
                throw new ForbiddenException($"Invalid marker. Image {markerId} is not visible to you.");
            }
            markerImage = marker;
        }

        var ids = await PageIdsAsync(db, images, query, keys, limit, markerImage, walkedTag, ct);
        var page = (await ImagePageLoader.LoadAsync(db, ids, stores.MultiStore, ct)).Select(i => protections.HideUnreadable(caller, i)).ToList();
        return new ImagePage(page, limit);
    }

    /// <summary>
    /// The page's ids, from queries that can walk an index; the images with their properties and tags
    /// are loaded after (including the children here would repeat the filtered, ordered query once per
    /// child table). A search in the default order ranks images whose name begins with its first word
    /// first: those are one page source, the rest the next, and a marker continues in its own part.
    /// </summary>
    private static async Task<List<string>> PageIdsAsync(GlanceDbContext db, IQueryable<Image> images, ImageQuery query, List<SortKey> keys, int limit, Image? marker,
        string? walkedTag, CancellationToken ct)
    {
        if (walkedTag is not null)
        {
            return await TagOrder.PageIds(db, images, walkedTag, marker, limit).ToListAsync(ct);
        }
        var prefix = ImageRanking.RankPrefix(query);
        if (prefix is null)
        {
            return await Ordered(images, marker).Take(limit).Select(i => i.Id).ToListAsync(ct);
        }
        var (starts, rest) = await ImageRanking.SplitAsync(images, db.Images.AsNoTracking(), prefix, ct);
        var markerStarts = marker is not null && ImageRanking.Starts(marker, prefix);
        var ids = new List<string>();
        if (marker is null || markerStarts)
        {
            ids.AddRange(await Ordered(starts, marker).Take(limit).Select(i => i.Id).ToListAsync(ct));
        }
        if (ids.Count < limit)
        {
            ids.AddRange(await Ordered(rest, markerStarts ? null : marker).Take(limit - ids.Count).Select(i => i.Id).ToListAsync(ct));
        }
        return ids;

        IQueryable<Image> Ordered(IQueryable<Image> source, Image? after) =>
            ImageOrdering.Apply(after is null ? source : source.Where(ImageOrdering.After(after, keys)), keys);
    }

    /// <summary>
    /// Facet counts for the portal: how many of the images the query finds (ignoring paging) have each
    /// visibility, status, disk format, owner and os_distro.
    /// </summary>
    public async Task<ImageFacets> FacetsAsync(CallerContext caller, ImageQuery query, CancellationToken ct = default)
    {
        policy.EnsureCanList(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var readable = await ReadScopeAsync(db, caller, query, ct);
        var facets = await ImageFacetCounts.CountAsync(db, FacetSources(db, caller, query, readable), ct);
        // The os_distro copy on the image row is a property value like any other.
        return readable.CanRead("os_distro") ? facets : facets with { OsDistro = new Dictionary<string, int>() };
    }

    /// <summary>
    /// The property names this query could match that the caller may not read: those it names, the
    /// os_distro of the facets, and every name the catalog holds when it searches words in all values.
    /// </summary>
    private async Task<PropertyReadScope> ReadScopeAsync(GlanceDbContext db, CallerContext caller, ImageQuery query, CancellationToken ct)
    {
        if (protections.Current is null)
        {
            return PropertyReadScope.Everything;
        }
        var names = query.PropertyNamesMatched.Append("os_distro").ToList();
        if (query.MatchesAnyPropertyValue)
        {
            names.AddRange(await db.ImagePropertyNames.AsNoTracking().Select(n => n.Name).ToListAsync(ct));
        }
        return protections.ReadScope(caller, names);
    }

    /// <summary>
    /// Where to count a query's whole result from. A word matching few images narrows it best: its
    /// matches are tested one by one. Otherwise the result is counted by the policy's disjoint parts, so
    /// that a member's count never visits the catalog's many images it cannot see: a whole visibility
    /// adds up its kept counters when nothing but the audience narrows the list, or intersects the search
    /// words in its own index (public, community); the caller's own and shared-in images come through
    /// their owner and member rows.
    /// </summary>
    private FacetSources FacetSources(GlanceDbContext db, CallerContext caller, ImageQuery query, PropertyReadScope readable)
    {
        var indexed = ImageSearchFilters.HasIndexedWord(searchIndex, query.Search);
        if (indexed && ImageSearchFilters.HasSelectiveWord(searchIndex, query.Search!, db, ImageSearchFilters.FacetSelectiveMatches))
        {
            return new FacetSources([Found(db, caller, query, SearchIndexUse.WhenSelective, readable)], [], query.OsHidden);
        }
        var parts = CatalogAudience.Parts(Candidates(db, query), db.ImageMembers, caller.ProjectId, policy.IsAdmin(caller), query.Visibility, query.AllVisibilities, query.MemberStatus);
        var counted = query.NarrowsOnlyByAudience;
        // A whole visibility without its own search index (an admin's private or shared images) has no
        // narrower way in for a filtered count than the query itself.
        if (!counted && parts.Any(p => p.Whole is { } whole && !searchIndex.HasVisibilityIndex(whole)))
        {
            return new FacetSources([Found(db, caller, query, SearchIndexUse.Always, readable)], [], query.OsHidden);
        }
        var rows = new List<IQueryable<Image>>();
        var counters = new List<ImageVisibility>();
        foreach (var part in parts)
        {
            if (part.Whole is { } whole && counted)
            {
                counters.Add(whole);
            }
            else if (part.Whole is { } open && indexed)
            {
                rows.Add(part.Images.WithinVisibilityIndex(query.Search!, db, searchIndex, open).ApplyFilters(query, db, searchIndex, SearchIndexUse.Never, readable));
            }
            else
            {
                rows.Add(part.Images.ApplyFilters(query, db, searchIndex, SearchIndexUse.Never, readable));
            }
        }
        return new FacetSources(rows, counters, query.OsHidden);
    }

    /// <summary>The images a query finds for a caller, before order and paging: one definition for lists and facets.</summary>
    private IQueryable<Image> Found(GlanceDbContext db, CallerContext caller, ImageQuery query, SearchIndexUse use, PropertyReadScope readable) =>
        CatalogAudience.Listable(Candidates(db, query), caller.ProjectId, policy.IsAdmin(caller), query.Visibility, query.AllVisibilities, query.MemberStatus)
            .ApplyFilters(query, db, searchIndex, use, readable);

    private static IQueryable<Image> Candidates(GlanceDbContext db, ImageQuery query) =>
        CatalogAudience.Candidates(db.Images.AsNoTracking(), query.OsHidden);

    public async Task<Image> UpdateAsync(CallerContext caller, string id, IReadOnlyList<ImageChange> changes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await LoadAsync(db, caller, id, tracked: true, ct);
        policy.EnsureCanModify(caller, image);

        // Every operation is checked before any is applied: a refused patch changes nothing.
        var values = changes.Select(CheckChange).ToList();
        var visibilityBefore = image.Visibility;
        var trail = ImageChangeRecorder.Before(image);
        var propertiesBefore = image.Properties.Count;
        var tagsBefore = image.Tags.Count;
        for (var n = 0; n < changes.Count; n++)
        {
            Apply(caller, image, changes[n], values[n]);
        }
        if (image.Properties.Count > propertiesBefore)
        {
            quotas.EnsureProperties(image.Properties.Select(p => p.Name));
        }
        // As in Glance, a quota is checked only when the change adds to what it counts.
        if (image.Tags.Count > tagsBefore)
        {
            quotas.EnsureTags(image.Tags.Count);
        }

        trail.Record(db, caller, image, Now());
        if (changes.Count > 0)
        {
            await SaveAsync(db, image, ct);
        }
        if (image.Visibility != visibilityBefore)
        {
            sharingEvents.Publish(new SharingChange(image.Id, image.Owner, null));
        }
        return protections.HideUnreadable(caller, image);
    }

    public async Task DeleteAsync(CallerContext caller, string id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await LoadAsync(db, caller, id, tracked: true, ct);
        policy.EnsureCanModify(caller, image, "delete_image");
        IReadOnlyList<ImageLocation> locations;
        try
        {
            locations = image.MarkDeleted(Now());
        }
        catch (InvalidTransitionException)
        {
            throw new ConflictException($"Image {id} cannot be deleted in status '{image.Status.ToWire()}'.");
        }
        // Glance soft-deletes the children; nothing reads them again, so they go.
        image.Properties.Clear();
        image.Tags.Clear();
        var hadMembers = image.Members.Count > 0;
        image.Members.Clear();
        AuditTrail.Record(db, caller, image, AuditAction.ImageDeleted, null, image.Name, null, Now());
        await SaveAsync(db, image, ct);
        if (hadMembers)
        {
            sharingEvents.Publish(new SharingChange(image.Id, image.Owner, null));
        }

        foreach (var location in locations)
        {
            try
            {
                await ImageStores.DeleteDataAsync(ImageStores.StoreOf(stores, location), location, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or StoreUnavailableException)
            {
                // The image is gone for every caller; leftover bytes are an operator's cleanup, as in Glance.
                logger.LogWarning(ex, "Could not delete the data of image {ImageId} at {Location}", id, location.Url);
            }
        }
    }

    public Task DeactivateAsync(CallerContext caller, string id, CancellationToken ct = default) =>
        ChangeAsync(caller, id, "deactivate", image => image.Deactivate(), ct);

    public Task ReactivateAsync(CallerContext caller, string id, CancellationToken ct = default) =>
        ChangeAsync(caller, id, "reactivate", image => image.Reactivate(), ct);

    public Task AddTagAsync(CallerContext caller, string id, string tag, CancellationToken ct = default)
    {
        ImageAttributes.ParseTag(tag);
        return ChangeAsync(caller, id, "modify_image", image =>
        {
            if (image.AddTag(tag))
            {
                quotas.EnsureTags(image.Tags.Count);
            }
        }, ct);
    }

    public Task RemoveTagAsync(CallerContext caller, string id, string tag, CancellationToken ct = default) =>
        ChangeAsync(caller, id, "modify_image", image =>
        {
            if (!image.RemoveTag(tag))
            {
                throw new NotFoundException($"Tag {tag} not found");
            }
        }, ct);

    private async Task ChangeAsync(CallerContext caller, string id, string action, Action<Image> change, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await LoadAsync(db, caller, id, tracked: true, ct);
        policy.EnsureCanModify(caller, image, action);
        var trail = ImageChangeRecorder.Before(image);
        change(image);
        trail.Record(db, caller, image, Now());
        await SaveAsync(db, image, ct);
    }

    private async Task SaveAsync(GlanceDbContext db, Image image, CancellationToken ct)
    {
        image.Touch(Now());
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // The image's row first, then its children: two edits of one image then queue on the image,
        // instead of each holding a property row the other needs next (EF writes the children's table
        // first, and a server that locks rows would end such a tie by failing one). Changes nothing.
        await db.Images.Where(i => i.Id == image.Id).ExecuteUpdateAsync(i => i.SetProperty(x => x.UpdatedAt, x => x.UpdatedAt), ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || engine.IsDuplicateKey(ex))
        {
            // A racing request moved the image, or added the same new property first.
            throw new ConflictException($"Image {image.Id} was changed by another request at the same time; try again.");
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>Loads an image the caller can see with its children, or throws 404.</summary>
    internal static async Task<Image> LoadAsync(GlanceDbContext db, CallerContext caller, string id, bool tracked, CancellationToken ct)
    {
        // Glance treats ids longer than a UUID as unknown.
        if (id.Length > 36)
        {
            throw ImagePolicy.NotFound(id);
        }
        var query = db.Images.Include(i => i.Properties).Include(i => i.Tags).Include(i => i.Members).Include(i => i.Locations).AsSplitQuery();
        var image = await (tracked ? query : query.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id && !i.Deleted, ct);
        return image ?? throw ImagePolicy.NotFound(id);
    }

    private object? CheckChange(ImageChange change)
    {
        var name = change.Attribute;
        ImageAttributes.EnsureNotReadOnly(name);
        ImageAttributes.EnsureNotReserved(name);
        if (name == "locations")
        {
            // show_multiple_locations is off, so locations are neither shown nor changeable (reference §9).
            throw new ForbiddenException("It's not allowed to update locations if locations are invisible.");
        }
        if (change.Op == ImageChangeOp.Remove)
        {
            return null;
        }
        return ImageAttributes.Writable.Contains(name)
            ? ImageAttributes.ParseCoreValue(name, change.Value)
            : ImageAttributes.ParseCustomValue(name, change.Value, AllowAdditional);
    }

    private void Apply(CallerContext caller, Image image, ImageChange change, object? value)
    {
        var name = change.Attribute;
        if (ImageAttributes.Writable.Contains(name))
        {
            if (change.Op == ImageChangeOp.Remove)
            {
                throw new ForbiddenException($"Property {name} may not be removed.");
            }
            if (change.Op == ImageChangeOp.Add && change.V20Semantics)
            {
                // Glance's v2.0 add refuses any attribute the image has, and every image has each core one, set or not.
                throw new ConflictException($"Property {name} already present.");
            }
            SetCore(caller, image, name, value);
            return;
        }

        // A property the caller may not read does not exist for it (reference §6.2): replacing or
        // removing it is 409, adding it is creating it.
        var exists = image.Properties.Any(p => p.Name == name) && protections.IsAllowed(caller, name, PropertyOperation.Read);
        switch (change.Op)
        {
            case ImageChangeOp.Replace when !exists:
            case ImageChangeOp.Remove when !exists:
                throw new ConflictException($"Property {name} does not exist.");
            case ImageChangeOp.Add when exists && change.V20Semantics:
                throw new ConflictException($"Property {name} already present.");
            case ImageChangeOp.Remove:
                EnsureProtectionAllows(caller, name, PropertyOperation.Delete);
                image.RemoveProperty(name);
                break;
            default:
                EnsureProtectionAllows(caller, name, exists ? PropertyOperation.Update : PropertyOperation.Create);
                image.SetProperty(name, (string?)value);
                break;
        }
    }

    private void EnsureProtectionAllows(CallerContext caller, string name, PropertyOperation operation)
    {
        if (!protections.IsAllowed(caller, name, operation))
        {
            throw new ForbiddenException($"Attribute '{name}' is reserved.");
        }
    }

    private void SetCore(CallerContext caller, Image image, string name, object? value)
    {
        switch (name)
        {
            case "name":
                image.SetName((string?)value);
                break;
            case "visibility":
                policy.EnsureCanSetVisibility(caller, (ImageVisibility)value!, image.Owner);
                image.SetVisibility((ImageVisibility)value!);
                break;
            case "protected":
                image.SetProtected((bool)value!);
                break;
            case "os_hidden":
                image.SetOsHidden((bool)value!);
                break;
            case "owner":
                // Glance checks this only for replace; add is the same change, so it gets the same rule.
                policy.EnsureCanChangeOwner(caller);
                image.SetOwner((string?)value);
                break;
            case "container_format":
                image.SetContainerFormat((string?)value);
                break;
            case "disk_format":
                image.SetDiskFormat((string?)value);
                break;
            case "min_ram":
                image.SetMinRam((int)value!);
                break;
            case "min_disk":
                image.SetMinDisk((int)value!);
                break;
            case "tags":
                image.ReplaceTags((List<string>)value!);
                break;
        }
    }

    /// <summary>
    /// A <see cref="NewImage"/> built in code (the portal) gets the same schema checks as one read
    /// from JSON, by passing each value through the same parsers.
    /// </summary>
    private void Validate(NewImage request)
    {
        if (request.Id is not null && !ImageAttributes.IsUuid(request.Id))
        {
            throw new ValidationException($"Provided object does not match schema 'image': '{request.Id}' does not match the UUID pattern (attribute 'id')");
        }
        ImageAttributes.ParseCoreValue("name", request.Name);
        ImageAttributes.ParseCoreValue("owner", request.Owner);
        ImageAttributes.ParseCoreValue("container_format", request.ContainerFormat);
        ImageAttributes.ParseCoreValue("disk_format", request.DiskFormat);
        if (request.MinRam is { } minRam)
        {
            ImageAttributes.ParseCoreValue("min_ram", minRam);
        }
        if (request.MinDisk is { } minDisk)
        {
            ImageAttributes.ParseCoreValue("min_disk", minDisk);
        }
        ImageAttributes.ParseCoreValue("tags", new JsonArray(request.Tags.Select(t => (JsonNode?)t).ToArray()));
        foreach (var (key, value) in request.Properties)
        {
            if (ImageAttributes.IsCore(key) || ImageAttributes.IsReserved(key))
            {
                ImageAttributes.EnsureNotReadOnly(key);
                throw new ForbiddenException($"Attribute '{key}' is reserved.");
            }
            ImageAttributes.ParseCustomValue(key, value, AllowAdditional);
        }
    }

    private static ConflictException Duplicate(string id) => new($"Image with identifier {id} already exists!");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

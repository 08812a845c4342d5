using Glance.Domain.Common;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glance.Domain.PropertyProtections;

/// <summary>What a draft rule file would be: its errors (it cannot be saved while it has any) and lint warnings.</summary>
public sealed record DraftReport(IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>How one section differs between two versions.</summary>
public sealed record SectionChange(string Pattern, string Change, int? OldPosition, int? NewPosition, IReadOnlyList<(PropertyOperation Operation, string Before, string After)> Operations);

/// <summary>
/// Property-protection rule sets that admins read, test and change while the service runs: numbered
/// versions in the database (the configured file imported as one at start-up), validation and lint of
/// drafts, saving (effective at once), history, diff, rollback and export, the simulator and the
/// impact preview. Everything but a caller's own verdicts is for admins.
/// </summary>
public sealed class PropertyProtectionService(
    IDbContextFactory<GlanceDbContext> dbFactory,
    PropertyProtectionEngine engine,
    ProtectionSimulator simulator,
    ImagePolicy policy,
    IOptions<PropertyProtectionOptions> options,
    IRoleDirectory directory,
    TimeProvider clock)
{
    /// <summary>The roles users have: the configured ones and the directory's.</summary>
    public IReadOnlyCollection<string> KnownRoles =>
        options.Value.KnownRoles.Concat(directory.AllRoles).Select(r => r.ToLowerInvariant()).Distinct().Order(StringComparer.Ordinal).ToList();

    public DraftReport Validate(CallerContext caller, string content, ProtectionRuleFormat format)
    {
        EnsureAdmin(caller);
        return Report(content, format).Report;
    }

    public async Task<ProtectionRuleVersion> SaveAsync(CallerContext caller, string content, ProtectionRuleFormat format, string? comment, CancellationToken ct = default)
    {
        EnsureAdmin(caller);
        return await SaveVersionAsync(caller.UserId, caller.ProjectId, content, format, comment, "editor", ct);
    }

    /// <summary>Saves an older version's rules again, as the newest version.</summary>
    public async Task<ProtectionRuleVersion> RollbackAsync(CallerContext caller, int number, string? comment, CancellationToken ct = default)
    {
        EnsureAdmin(caller);
        var old = await VersionAsync(caller, number, ct);
        return await SaveVersionAsync(caller.UserId, caller.ProjectId, old.Content, old.Format,
            comment ?? $"Rolled back to version {number}.", "rollback", ct);
    }

    public async Task<IReadOnlyList<ProtectionRuleVersion>> VersionsAsync(CallerContext caller, CancellationToken ct = default)
    {
        EnsureAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProtectionRuleVersions.AsNoTracking().OrderByDescending(v => v.Number).ToListAsync(ct);
    }

    public async Task<ProtectionRuleVersion> VersionAsync(CallerContext caller, int number, CancellationToken ct = default)
    {
        EnsureAdmin(caller);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ProtectionRuleVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Number == number, ct)
            ?? throw new NotFoundException($"No property-protection version {number}.");
    }

    /// <summary>Section by section, matched by pattern: added, removed, moved, and each operation that changed.</summary>
    public async Task<IReadOnlyList<SectionChange>> DiffAsync(CallerContext caller, int from, int to, CancellationToken ct = default)
    {
        var beforeVersion = await VersionAsync(caller, from, ct);
        var afterVersion = await VersionAsync(caller, to, ct);
        return Diff(ProtectionRuleParser.Parse(beforeVersion.Content, beforeVersion.Format), ProtectionRuleParser.Parse(afterVersion.Content, afterVersion.Format));
    }

    /// <summary>The active rules as a file Glance reads, in their own format; null while none are active.</summary>
    public string? Export(CallerContext caller)
    {
        EnsureAdmin(caller);
        return engine.Current is { } current ? ProtectionRuleWriter.Write(current.Rules) : null;
    }

    /// <summary>Which section decides <paramref name="property"/> for the caller itself, and its verdicts: the property editor's tooltips.</summary>
    public ProtectionVerdict ForCaller(CallerContext caller, string property) => simulator.Simulate(engine.Current?.Rules, caller, property);

    /// <summary>The verdicts for given roles, under the active rules or a draft.</summary>
    public ProtectionVerdict Simulate(CallerContext caller, IEnumerable<string> roles, string property, string? draft = null, ProtectionRuleFormat? format = null)
    {
        EnsureAdmin(caller);
        var rules = draft is null ? engine.Current?.Rules : ParseDraft(draft, format ?? options.Value.Format);
        return simulator.Simulate(rules, new CallerContext("simulated", "simulated", roles), property);
    }

    /// <summary>The verdicts for a user in a project, with the roles the directory gives them there.</summary>
    public ProtectionVerdict SimulateUser(CallerContext caller, string userName, string projectId, string property, string? draft = null, ProtectionRuleFormat? format = null)
    {
        EnsureAdmin(caller);
        var roles = directory.RolesOf(userName, projectId)
            ?? throw new NotFoundException($"The portal does not know the roles of user {userName} in project {projectId}.");
        return Simulate(caller, roles, property, draft, format);
    }

    /// <summary>
    /// What a draft would change against the active rules, for every property name on live images and
    /// every known role (and a caller with none): the impact preview before saving.
    /// </summary>
    public async Task<IReadOnlyList<ProtectionImpact>> ImpactAsync(CallerContext caller, string draft, ProtectionRuleFormat format, CancellationToken ct = default)
    {
        EnsureAdmin(caller);
        var after = ParseDraft(draft, format);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var properties = await db.ImageProperties
            .Where(p => db.Images.Any(i => i.Id == p.ImageId && !i.Deleted))
            .GroupBy(p => p.Name)
            .Select(g => new { g.Key, Count = g.Count() })
            .OrderBy(g => g.Key)
            .ToListAsync(ct);
        var before = engine.Current?.Rules;
        var roles = KnownRoles.Concat(RolesIn(before)).Concat(RolesIn(after));
        return simulator.Compare(before, after, properties.Select(p => (p.Key, p.Count)).ToList(), roles);
    }

    /// <summary>Loads the newest version at start-up, importing the configured file first when it changed since its last import.</summary>
    internal async Task InitializeAsync(CancellationToken ct)
    {
        var file = options.Value.File;
        if (!string.IsNullOrWhiteSpace(file))
        {
            var content = await File.ReadAllTextAsync(file, ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var lastImport = await db.ProtectionRuleVersions.AsNoTracking()
                .Where(v => v.Source == "file").OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct);
            if (lastImport is null || lastImport.Content != content || lastImport.Format != options.Value.Format)
            {
                await SaveVersionAsync($"file:{Path.GetFullPath(file)}", null, content, options.Value.Format, "Imported from the configured file at start-up.", "file", ct);
                return;
            }
        }
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            if (await db.ProtectionRuleVersions.AsNoTracking().OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct) is { } newest)
            {
                engine.Activate(ProtectionRuleParser.Parse(newest.Content, newest.Format), newest.Number);
            }
        }
    }

    internal static IReadOnlyList<SectionChange> Diff(ProtectionRuleSet before, ProtectionRuleSet after)
    {
        var changes = new List<SectionChange>();
        var oldIndex = before.Sections.Select((s, i) => (s.Pattern, i)).ToDictionary(p => p.Pattern, p => p.i);
        var newIndex = after.Sections.Select((s, i) => (s.Pattern, i)).ToDictionary(p => p.Pattern, p => p.i);
        foreach (var (section, position) in after.Sections.Select((s, i) => (s, i)))
        {
            if (!oldIndex.TryGetValue(section.Pattern, out var was))
            {
                changes.Add(new SectionChange(section.Pattern, "added", null, position, Operations(null, section)));
                continue;
            }
            var operations = Operations(before.Sections[was], section);
            if (operations.Count > 0 || was != position)
            {
                changes.Add(new SectionChange(section.Pattern, operations.Count > 0 ? "changed" : "moved", was, position, operations));
            }
        }
        foreach (var (section, position) in before.Sections.Select((s, i) => (s, i)).Where(p => !newIndex.ContainsKey(p.s.Pattern)))
        {
            changes.Add(new SectionChange(section.Pattern, "removed", position, null, []));
        }
        return changes;
    }

    private static List<(PropertyOperation, string, string)> Operations(ProtectionSection? before, ProtectionSection after) =>
        Enum.GetValues<PropertyOperation>()
            .Select(o => (o, before?.Rules[o].ToString() ?? "", after.Rules[o].ToString()))
            .Where(c => before is null || c.Item2 != c.Item3)
            .ToList();

    private async Task<ProtectionRuleVersion> SaveVersionAsync(string? savedBy, string? project, string content, ProtectionRuleFormat format, string? comment, string source, CancellationToken ct)
    {
        var (report, rules) = Report(content, format);
        if (!report.IsValid)
        {
            // A draft that fails validation never becomes active.
            throw new ValidationException("The rules are not valid: " + string.Join(" ", report.Errors));
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var number = (await db.ProtectionRuleVersions.MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
        var version = new ProtectionRuleVersion(number, format, content, savedBy, project, clock.GetUtcNow().UtcDateTime, comment, source);
        db.ProtectionRuleVersions.Add(version);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Another version was saved at the same time; reload the history and try again.");
        }
        engine.Activate(rules!, number);
        return version;
    }

    private (DraftReport Report, ProtectionRuleSet? Rules) Report(string content, ProtectionRuleFormat format)
    {
        var (rules, errors) = ProtectionRuleParser.TryParse(content, format);
        var warnings = rules is null ? [] : ProtectionLint.Check(rules, KnownRoles, engine.IsPolicyDefined);
        return (new DraftReport(errors, warnings), rules);
    }

    private static ProtectionRuleSet ParseDraft(string draft, ProtectionRuleFormat format)
    {
        var (rules, errors) = ProtectionRuleParser.TryParse(draft, format);
        return rules ?? throw new ValidationException("The rules are not valid: " + string.Join(" ", errors));
    }

    private static IEnumerable<string> RolesIn(ProtectionRuleSet? rules) =>
        rules is { Format: ProtectionRuleFormat.Roles }
            ? rules.Sections.SelectMany(s => s.Rules.Values).SelectMany(r => r.Values).Where(v => v is not ("@" or "!" or ""))
            : [];

    private void EnsureAdmin(CallerContext caller)
    {
        if (!policy.IsAdmin(caller))
        {
            throw new ForbiddenException("Only admins may read or change the property-protection rules.");
        }
    }
}

using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Images;
using Glance.Domain.Policies;

namespace Glance.Domain.Members;

/// <summary>What became of one image offered to one project in a bulk share; <see cref="Problem"/> is null when it was offered.</summary>
public sealed record ShareOutcome(string ImageId, string? ImageName, string ProjectId, string? Problem)
{
    public bool Offered => Problem is null;
}

/// <summary>
/// One image offered to several projects, or several images to one, in one step. Each offer is the
/// same as one made alone (<see cref="MemberService.AddAsync"/>, with its policy, quota and audit), so
/// one refused offer never undoes the others; every pair gets its outcome in plain words. An image
/// that is not shared becomes shared only when the caller asked for that, may add members to it, and
/// at least one of its offers can be made.
/// </summary>
public sealed class BulkSharing(ImageService images, MemberService members, ImagePolicy policy, ProjectChoices choices)
{
    /// <param name="makeSharedFrom">The visibilities an image may be changed from to shared so that it can take members.</param>
    public async Task<IReadOnlyList<ShareOutcome>> ShareAsync(CallerContext caller, IReadOnlyCollection<string> imageIds, IReadOnlyCollection<string> projectIds,
        IReadOnlySet<ImageVisibility> makeSharedFrom, CancellationToken ct = default)
    {
        var projects = projectIds.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (imageIds.Count == 0)
        {
            throw new ValidationException("Choose at least one image to share.");
        }
        if (projects.Count == 0)
        {
            throw new ValidationException("Choose at least one project to share with.");
        }
        var known = await choices.ForAsync(caller, ct);
        var outcomes = new List<ShareOutcome>();
        foreach (var imageId in imageIds.Distinct(StringComparer.Ordinal))
        {
            outcomes.AddRange(await ShareImageAsync(caller, imageId, projects, known, makeSharedFrom, ct));
        }
        return outcomes;
    }

    /// <summary>Why an image cannot take members as it is; null when it is shared.</summary>
    public static string? NotShareable(Image image) => image.Visibility switch
    {
        ImageVisibility.Shared => null,
        ImageVisibility.Private => "It is private: make it shared first.",
        var other => $"It is {other.ToWire()}, so every project can use it already.",
    };

    private async Task<IEnumerable<ShareOutcome>> ShareImageAsync(CallerContext caller, string imageId, IReadOnlyList<string> projects,
        KnownProjects? known, IReadOnlySet<ImageVisibility> makeSharedFrom, CancellationToken ct)
    {
        IEnumerable<ShareOutcome> All(string? name, string problem) => projects.Select(p => new ShareOutcome(imageId, name, p, problem));
        Image image;
        try
        {
            image = await images.GetAsync(caller, imageId, ct);
        }
        catch (GlanceException ex)
        {
            return All(null, Refusals.Explain(ex, caller));
        }
        if (!policy.CanManageMembers(caller, image, "add_member"))
        {
            return All(image.Name, Refusals.ForRule("add_member", caller));
        }
        var problems = projects.ToDictionary(p => p, p => members.ProblemWithNewMember(image, p, known));
        if (problems.Values.All(p => p is not null))
        {
            return problems.Select(p => new ShareOutcome(imageId, image.Name, p.Key, p.Value));
        }
        if (image.Visibility != ImageVisibility.Shared)
        {
            if (!makeSharedFrom.Contains(image.Visibility))
            {
                return All(image.Name, NotShareable(image)!);
            }
            try
            {
                image = await images.UpdateAsync(caller, imageId, [ImageChange.Replace("visibility", JsonValue.Create("shared"))], ct);
            }
            catch (GlanceException ex)
            {
                return All(image.Name, Refusals.Explain(ex, caller));
            }
        }
        var outcomes = new List<ShareOutcome>();
        foreach (var project in projects)
        {
            outcomes.Add(new ShareOutcome(imageId, image.Name, project, problems[project] ?? await OfferAsync(caller, image.Id, project, ct)));
        }
        return outcomes;
    }

    private async Task<string?> OfferAsync(CallerContext caller, string imageId, string project, CancellationToken ct)
    {
        try
        {
            await members.AddAsync(caller, imageId, project, ct);
            return null;
        }
        catch (GlanceException ex)
        {
            return Refusals.Explain(ex, caller);
        }
    }
}

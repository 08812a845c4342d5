using Glance.Domain.Common;
using Glance.Domain.Images;

namespace Glance.Domain.Members;

/// <summary>What became of one image offered to one project in a bulk share; <see cref="Problem"/> is null when it was offered.</summary>
public sealed record ShareOutcome(string ImageId, string? ImageName, string ProjectId, string? Problem)
{
    public bool Offered => Problem is null;
}

/// <summary>
/// One image offered to several projects, or several images to one, in one step. Each offer is the
/// same as one made alone (<see cref="MemberService.AddAsync"/>, with its policy, quota and audit), so
/// one refused offer never undoes the others; every pair gets its outcome in plain words.
/// </summary>
public sealed class BulkSharing(ImageService images, MemberService members, IProjectDirectory directory)
{
    public async Task<IReadOnlyList<ShareOutcome>> ShareAsync(CallerContext caller, IReadOnlyCollection<string> imageIds, IReadOnlyCollection<string> projectIds,
        bool makePrivateShared, CancellationToken ct = default)
    {
        var known = await directory.ProjectsAsync(ct);
        var projects = projectIds.Select(p => p.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var outcomes = new List<ShareOutcome>();
        foreach (var imageId in imageIds.Distinct(StringComparer.Ordinal))
        {
            Image image;
            try
            {
                image = await images.GetAsync(caller, imageId, ct);
                if (image.Visibility == ImageVisibility.Private && makePrivateShared)
                {
                    image = await images.UpdateAsync(caller, imageId, [ImageChange.Replace("visibility", System.Text.Json.Nodes.JsonValue.Create("shared"))], ct);
                }
            }
            catch (GlanceException ex)
            {
                outcomes.AddRange(projects.Select(p => new ShareOutcome(imageId, null, p, Refusals.Explain(ex, caller))));
                continue;
            }
            if (NotShareable(image) is { } reason)
            {
                outcomes.AddRange(projects.Select(p => new ShareOutcome(imageId, image.Name, p, reason)));
                continue;
            }
            foreach (var project in projects)
            {
                outcomes.Add(new ShareOutcome(imageId, image.Name, project, await OfferAsync(caller, image, project, known, ct)));
            }
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

    private async Task<string?> OfferAsync(CallerContext caller, Image image, string project, IReadOnlyList<KnownProject>? known, CancellationToken ct)
    {
        if (members.ProblemWithNewMember(image, project, known) is { } problem)
        {
            return problem;
        }
        try
        {
            await members.AddAsync(caller, image.Id, project, ct);
            return null;
        }
        catch (GlanceException ex)
        {
            return Refusals.Explain(ex, caller);
        }
    }
}

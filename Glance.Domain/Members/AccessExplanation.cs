using Glance.Domain.Images;

namespace Glance.Domain.Members;

/// <summary>
/// The answer to "who can use this image?", in plain words (portal-ux-research: the "who can see this"
/// explainer): an <see cref="Audience"/> sentence that follows from the visibility and the members,
/// and a <see cref="ForYou"/> sentence about the caller's own position. Member counts are given to the
/// owner and admins only; a member project learns no more than Glance's member API would tell it.
/// </summary>
public sealed record AccessExplanation(ImageVisibility Visibility, string Audience, string ForYou, int Accepted, int Pending, int Rejected)
{
    public static AccessExplanation For(Image image, string? callerProject, bool callerIsAdmin)
    {
        var members = image.Members.Where(m => !m.Deleted).ToList();
        var owns = image.Owner is not null && image.Owner == callerProject;
        var seesMembers = owns || callerIsAdmin;
        var accepted = members.Count(m => m.Status == MemberStatus.Accepted);
        var pending = members.Count(m => m.Status == MemberStatus.Pending);
        var rejected = members.Count(m => m.Status == MemberStatus.Rejected);
        var mine = members.FirstOrDefault(m => m.MemberId == callerProject);

        var audience = image.Visibility switch
        {
            ImageVisibility.Public => "public: everyone",
            ImageVisibility.Community => "community: any project can find it by asking for community images, it is not in default lists",
            ImageVisibility.Private => $"private: only project {image.Owner}",
            _ when members.Count == 0 => "shared, but with no members: only the owner can use it",
            _ when seesMembers => $"shared with {Projects(members.Count)} ({Breakdown(accepted, pending, rejected)})",
            _ => $"shared: project {image.Owner} offers it to the projects it chooses",
        };
        if (image.Visibility != ImageVisibility.Shared)
        {
            audience += Dormant(members.Count, seesMembers);
        }
        var forYou = (owns, mine?.Status) switch
        {
            (true, _) => "Your project owns this image.",
            (_, MemberStatus.Pending) when image.Visibility == ImageVisibility.Shared =>
                "It has been offered to your project: accept it to see it in your image list. You can use it either way.",
            (_, MemberStatus.Accepted) when image.Visibility == ImageVisibility.Shared =>
                "Your project accepted it: it is in your image list.",
            (_, MemberStatus.Rejected) when image.Visibility == ImageVisibility.Shared =>
                "Your project rejected it: it is not in your image list, but you can still use it, and accept it later.",
            _ when callerIsAdmin => "You are an admin: you can see and change it whatever its visibility.",
            _ when image.Visibility == ImageVisibility.Public => "It is in your image list.",
            _ when image.Visibility == ImageVisibility.Community => "It is not in your image list; ask for community images to find it.",
            _ => "You can use it.",
        };
        return new AccessExplanation(image.Visibility, audience, forYou,
            seesMembers ? accepted : 0, seesMembers ? pending : 0, seesMembers ? rejected : 0);
    }

    /// <summary>
    /// What changing the visibility would do, in the words a confirmation should use: who gains or
    /// loses the image, and what happens to its members (reference §5.1).
    /// </summary>
    public static string ConsequenceOf(Image image, ImageVisibility to)
    {
        var members = image.Members.Count(m => !m.Deleted);
        var accepted = image.Members.Count(m => !m.Deleted && m.Status == MemberStatus.Accepted);
        var dormant = image.Visibility == ImageVisibility.Shared && members > 0
            ? $" Its {Projects(members)} keep their memberships, unused until it is shared again."
            : "";
        return to switch
        {
            _ when to == image.Visibility => "Nothing changes.",
            ImageVisibility.Public => "Every project will see it in its image list and be able to use it." + dormant,
            ImageVisibility.Community => "Any project will be able to find and use it by asking for community images; it will not be in their default lists." + dormant,
            ImageVisibility.Private when members > 0 && image.Visibility == ImageVisibility.Shared =>
                $"Only project {image.Owner} will be able to use it: its {Projects(members)} lose access ({accepted} had accepted it). Their memberships are kept and come back if you share it again.",
            ImageVisibility.Private => $"Only project {image.Owner} will be able to use it.",
            _ when members == 0 => $"Only project {image.Owner} will be able to use it until you add member projects; other projects lose access.",
            _ => $"Its {Projects(members)} get access back ({accepted} accepted); other projects lose it.",
        };
    }

    private static string Projects(int count) => count == 1 ? "1 project" : $"{count} projects";

    private static string Breakdown(int accepted, int pending, int rejected) => string.Join(", ",
        new[] { (accepted, "accepted"), (pending, "pending"), (rejected, "rejected") }
            .Where(p => p.Item1 > 0)
            .Select(p => $"{p.Item1} {p.Item2}"));

    /// <summary>Members of an image that is no longer shared keep their records but have no access (reference §5.1).</summary>
    private static string Dormant(int members, bool seesMembers) => members > 0 && seesMembers
        ? $"; {Projects(members)} keep their membership but have no access until it is shared again"
        : "";
}

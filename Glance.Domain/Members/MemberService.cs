using Glance.Domain.Audit;
using Glance.Domain.Common;
using Glance.Domain.Configuration;
using Glance.Domain.Images;
using Glance.Domain.Persistence;
using Glance.Domain.Policies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Glance.Domain.Members;

/// <summary>
/// Glance's image members (glance/api/v2/image_members.py, reference §5.2): the owner offers a shared
/// image to projects, each project answers for itself, and every change lands in the audit trail in
/// the same transaction.
/// </summary>
public sealed class MemberService(
    IDbContextFactory<GlanceDbContext> dbFactory,
    IDatabaseEngine engine,
    ImagePolicy policy,
    IOptions<LimitsOptions> limits,
    SharingEvents events,
    TimeProvider clock)
{
    /// <summary>
    /// What is likely wrong with offering <paramref name="image"/> to <paramref name="project"/>, in words
    /// for a person, or null: no project, the image's own project, a member already, or a project the
    /// caller's directory (<paramref name="known"/>; null without one) does not know or names twice.
    /// Advice for a user interface only: Glance's API accepts any member id (it does not ask Keystone),
    /// and <see cref="AddAsync"/> keeps that.
    /// </summary>
    public string? ProblemWithNewMember(Image image, string project, KnownProjects? known)
    {
        if (project.Length == 0)
        {
            return known is null ? "Enter the id of the project to share with." : "Choose the project to share with.";
        }
        if (project == image.Owner)
        {
            return "It is the image's own project.";
        }
        if (image.Members.Any(m => !m.Deleted && m.MemberId == project))
        {
            return "It is already a member.";
        }
        if (known is not null && known.Find(project) is null)
        {
            return known.IsAmbiguous(project) ? "Several projects have this name: pick one from the list." : "No such project is known to this portal.";
        }
        return null;
    }

    /// <summary>Two requests racing on one membership: the loser reloads and tries again this many times.</summary>
    private const int Attempts = 3;

    public async Task<ImageMember> AddAsync(CallerContext caller, string imageId, string memberId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(memberId))
        {
            throw new ValidationException("Member can't be empty");
        }
        if (memberId.Length > 255)
        {
            throw new ValidationException("Member id is longer than 255 characters.");
        }
        if (memberId is "." or "..")
        {
            // No URL could name this member afterwards: servers resolve such a segment before routing.
            throw new ValidationException($"Invalid member id '{memberId}'.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, imageId, tracked: true, ct);
        policy.EnsureCanRead(caller, image);
        if (!policy.CanManageMembers(caller, image, "add_member") || image.Visibility != ImageVisibility.Shared)
        {
            // Glance answers both with the same words: "Only shared images have members" is its inner reason.
            throw new ForbiddenException($"Not allowed to create members for image {imageId}.",
                image.Visibility != ImageVisibility.Shared ? Refusals.NotShared : "add_member");
        }

        var live = image.Members.Count(m => !m.Deleted);
        var quota = limits.Value.ImageMemberQuota;
        if (quota >= 0 && live + 1 > quota)
        {
            throw new QuotaExceededException(
                $"Image member limit exceeded for image {imageId}: The limit has been exceeded on the number of allowed image members for this image. Attempted: {live + 1}, Maximum: {quota}");
        }
        var now = Now();
        var member = image.Members.FirstOrDefault(m => m.MemberId == memberId);
        if (member is { Deleted: false })
        {
            throw Duplicate(memberId, imageId);
        }
        if (member is null)
        {
            member = new ImageMember(imageId, memberId, now);
            image.Members.Add(member);
        }
        else
        {
            member.Revive(now);
        }
        AuditTrail.Record(db, caller, image, AuditAction.MemberAdded, memberId, null, member.Status.ToWire(), now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException ex) when (engine.IsDuplicateKey(ex) || ex is DbUpdateConcurrencyException)
        {
            // Another request added (or revived) the same member between our read and our write.
            throw Duplicate(memberId, imageId);
        }
        events.Publish(new SharingChange(imageId, image.Owner, memberId));
        return member;
    }

    /// <summary>The owner and admins get every member; a member project gets only its own record.</summary>
    public async Task<IReadOnlyList<ImageMember>> ListAsync(CallerContext caller, string imageId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, imageId, tracked: false, ct);
        policy.EnsureCanRead(caller, image);
        EnsureShared(image, $"Error fetching members of image {imageId}: Only shared images have members.");
        return image.Members
            .Where(m => !m.Deleted && policy.CanSeeMember(caller, image, m))
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.MemberId, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every refusal is a 404 here, as in Glance, so the call tells nobody what exists.</summary>
    public async Task<ImageMember> GetAsync(CallerContext caller, string imageId, string memberId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var image = await ImageService.LoadAsync(db, caller, imageId, tracked: false, ct);
        if (!policy.CanRead(caller, image) || image.Visibility != ImageVisibility.Shared)
        {
            throw ImagePolicy.NotFound(imageId);
        }
        return Find(caller, image, memberId);
    }

    /// <summary>
    /// A member's answer (<c>pending</c>, <c>accepted</c>, <c>rejected</c>), which it may change at any
    /// time. Only the member project itself or an admin may answer; the owner may not.
    /// </summary>
    public async Task<ImageMember> UpdateStatusAsync(CallerContext caller, string imageId, string memberId, string status, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (db, image, member) = await LoadForChangeAsync(caller, imageId, memberId, $"Not allowed to update members for image {imageId}.", ct);
            await using var _ = db;
            if (!policy.CanAnswer(caller, image, member))
            {
                throw new ForbiddenException($"Not allowed to update members for image {imageId}.", "modify_member");
            }
            if (!MemberStatusNames.TryParse(status, out var newStatus))
            {
                throw new ValidationException($"Incorrect request: Invalid status value: {status}. The status must be one of pending, accepted, rejected.");
            }
            if (newStatus == member.Status)
            {
                return member;
            }
            var now = Now();
            AuditTrail.Record(db, caller, image, AuditAction.MemberStatusChanged, memberId, member.Status.ToWire(), newStatus.ToWire(), now);
            member.ChangeStatus(newStatus, now);
            if (await TrySaveAsync(db, attempt, ct))
            {
                events.Publish(new SharingChange(imageId, image.Owner, memberId));
                return member;
            }
        }
    }

    public async Task RemoveAsync(CallerContext caller, string imageId, string memberId, CancellationToken ct = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            // Glance checks that the caller owns the image before it looks for the member: anyone else
            // who can see the image is refused (403), whichever member they name.
            var (db, image, member) = await LoadForChangeAsync(caller, imageId, memberId, $"Not allowed to delete members for image {imageId}.", ct,
                image => policy.CanManageMembers(caller, image, "delete_member")
                    ? null
                    : new ForbiddenException($"Not allowed to delete members for image {imageId}.", "delete_member"));
            await using var _ = db;
            var now = Now();
            AuditTrail.Record(db, caller, image, AuditAction.MemberRemoved, memberId, member.Status.ToWire(), null, now);
            member.Remove(now);
            if (await TrySaveAsync(db, attempt, ct))
            {
                events.Publish(new SharingChange(imageId, image.Owner, memberId));
                return;
            }
        }
    }

    /// <summary>The image (tracked) and the member record a change is about, in a context the caller disposes.</summary>
    private async Task<(GlanceDbContext Db, Image Image, ImageMember Member)> LoadForChangeAsync(
        CallerContext caller, string imageId, string memberId, string notShared, CancellationToken ct, Func<Image, Exception?>? refuseBeforeLookup = null)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            var image = await ImageService.LoadAsync(db, caller, imageId, tracked: true, ct);
            policy.EnsureCanRead(caller, image);
            EnsureShared(image, notShared);
            if (refuseBeforeLookup?.Invoke(image) is { } refusal)
            {
                throw refusal;
            }
            return (db, image, Find(caller, image, memberId));
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }

    private ImageMember Find(CallerContext caller, Image image, string memberId) =>
        image.Members.FirstOrDefault(m => m.MemberId == memberId && !m.Deleted) is { } member && policy.CanSeeMember(caller, image, member)
            ? member
            : throw new NotFoundException($"{memberId} not found in the member list of the image {image.Id}.");

    private static void EnsureShared(Image image, string message)
    {
        if (image.Visibility != ImageVisibility.Shared)
        {
            throw new ForbiddenException(message, Refusals.NotShared);
        }
    }

    /// <summary>
    /// Saves, or reports that another request changed the membership first (its version moved on):
    /// the caller then reloads and decides again from the new state, so the audit trail's "before" is
    /// always what the row held. After the last attempt the conflict is the client's (409).
    /// </summary>
    private static async Task<bool> TrySaveAsync(GlanceDbContext db, int attempt, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException) when (attempt < Attempts)
        {
            return false;
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The membership was changed by another request at the same time; try again.");
        }
    }

    private static ConflictException Duplicate(string memberId, string imageId) =>
        new($"Member {memberId} is duplicated for image {imageId}");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

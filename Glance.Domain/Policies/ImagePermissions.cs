namespace Glance.Domain.Policies;

/// <summary>The actions a caller may take on one image right now (see <see cref="ImagePolicy.PermissionsFor"/>).</summary>
public sealed record ImagePermissions(
    bool Edit,
    bool MakePublic,
    bool MakeCommunity,
    bool Delete,
    bool Deactivate,
    bool Reactivate,
    bool Upload,
    bool Download,
    bool ManageMembers)
{
    public static readonly ImagePermissions None = new(false, false, false, false, false, false, false, false, false);
}

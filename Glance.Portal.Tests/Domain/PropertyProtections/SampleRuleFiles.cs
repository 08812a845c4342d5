namespace Glance.Portal.Tests.Domain.PropertyProtections;

/// <summary>
/// Rule files with the semantics of Glance's two upstream samples (reference §6.1): <c>x_*</c>
/// properties open to admin, member and _member_ (roles) or to the <c>default</c> policy (policies),
/// everything else for admins only.
/// </summary>
internal static class SampleRuleFiles
{
    public const string Roles = """
        # x_ properties belong to project members; the rest to admins.
        [^x_.*]
        create = admin,member,_member_
        read = admin,member,_member_
        update = admin,member,_member_
        delete = admin,member,_member_

        [.*]
        create = admin
        read = admin
        update = admin
        delete = admin
        """;

    public const string Policies = """
        [^x_.*]
        create = default
        read = default
        update = default
        delete = default

        [.*]
        create = context_is_admin
        read = context_is_admin
        update = context_is_admin
        delete = context_is_admin
        """;

    /// <summary>Rules with every case the API answers differently: hidden, read-only, not removable, open.</summary>
    public const string Nuanced = """
        [^x_secret$]
        create = admin
        read = admin
        update = admin
        delete = admin

        [^x_readonly$]
        create = admin
        read = admin,member
        update = admin
        delete = admin

        [^x_keep$]
        create = admin,member
        read = admin,member
        update = admin,member
        delete = admin

        [.*]
        create = @
        read = @
        update = @
        delete = @
        """;
}

namespace Glance.Domain.Policies;

/// <summary>
/// The built-in rules. They reproduce what Glance Zed effectively does with its default settings
/// (<c>enforce_new_defaults=False</c>, so each persona rule is OR-ed with its deprecated value and the
/// hard-coded owner checks decide; glance-v2-reference §7): reads follow visibility and membership,
/// writes belong to the owner or an admin, creating is for one's own project, publicizing is for admins.
/// In the targets, <c>project_id</c> and <c>owner</c> are the image's owner and <c>member_id</c> is the
/// caller's project when it is a member of the image.
/// </summary>
public static class PolicyDefaults
{
    public static readonly IReadOnlyDictionary<string, string> Rules = new Dictionary<string, string>
    {
        ["context_is_admin"] = "role:admin",
        ["default"] = "",
        ["admin_or_owner"] = "rule:context_is_admin or project_id:%(owner)s",

        ["add_image"] = "rule:context_is_admin or project_id:%(owner)s",
        ["get_image"] = "rule:context_is_admin or project_id:%(owner)s or project_id:%(member_id)s or 'community':%(visibility)s or 'public':%(visibility)s",
        ["get_images"] = "",
        ["modify_image"] = "rule:admin_or_owner",
        ["delete_image"] = "rule:admin_or_owner",
        ["upload_image"] = "rule:admin_or_owner",
        ["download_image"] = "rule:get_image",
        ["deactivate"] = "rule:admin_or_owner",
        ["reactivate"] = "rule:admin_or_owner",
        ["publicize_image"] = "rule:context_is_admin",
        ["communitize_image"] = "rule:admin_or_owner",
        ["copy_image"] = "rule:context_is_admin",

        ["add_member"] = "rule:admin_or_owner",
        ["delete_member"] = "rule:admin_or_owner",
        ["get_member"] = "rule:context_is_admin or project_id:%(owner)s or project_id:%(member_id)s",
        ["get_members"] = "rule:context_is_admin or project_id:%(owner)s or project_id:%(member_id)s",
        ["modify_member"] = "rule:context_is_admin or project_id:%(member_id)s",

        ["get_image_location"] = "rule:admin_or_owner",
        ["set_image_location"] = "rule:admin_or_owner",
        ["delete_image_location"] = "rule:context_is_admin",
        ["manage_image_cache"] = "rule:context_is_admin",
        ["tasks_api_access"] = "rule:context_is_admin",
        ["stores_info_detail"] = "rule:context_is_admin",
        ["get_task"] = "rule:default",
        ["get_tasks"] = "rule:default",
        ["add_task"] = "rule:default",
        ["modify_task"] = "rule:default",
    };

    /// <summary>
    /// The persona rules Glance applies with <c>enforce_new_defaults=True</c> (reference §7), as
    /// current releases ship them: readers read, members write in their project, admins do anything.
    /// One difference: Glance's <c>get_image</c> also allows <c>'shared':%(visibility)s</c> because
    /// its database query has already left out the shared images of other projects; here the policy
    /// is that filter, so the clause is left out and a shared image stays for its owner and members.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SecureRbacRules = new Dictionary<string, string>
    {
        ["context_is_admin"] = "role:admin",
        ["default"] = "",
        ["admin_or_owner"] = "rule:context_is_admin or project_id:%(owner)s",
        ["project_member"] = "role:member and project_id:%(project_id)s",

        ["add_image"] = "role:admin or (role:member and project_id:%(project_id)s and project_id:%(owner)s)",
        ["get_image"] = "role:admin or (role:reader and (project_id:%(project_id)s or project_id:%(member_id)s or 'community':%(visibility)s or 'public':%(visibility)s))",
        ["get_images"] = "role:admin or (role:reader and project_id:%(project_id)s)",
        ["modify_image"] = "role:admin or (rule:project_member)",
        ["delete_image"] = "role:admin or (rule:project_member)",
        ["upload_image"] = "role:admin or (rule:project_member)",
        ["download_image"] = "role:admin or (role:member and (project_id:%(project_id)s or project_id:%(member_id)s or 'community':%(visibility)s or 'public':%(visibility)s))",
        ["deactivate"] = "role:admin or (rule:project_member)",
        ["reactivate"] = "role:admin or (rule:project_member)",
        ["publicize_image"] = "role:admin",
        ["communitize_image"] = "role:admin or (rule:project_member)",
        ["copy_image"] = "role:admin",

        ["add_member"] = "role:admin or (rule:project_member)",
        ["delete_member"] = "role:admin or (rule:project_member)",
        ["get_member"] = "role:admin or (role:reader and (project_id:%(project_id)s or project_id:%(member_id)s))",
        ["get_members"] = "role:admin or (role:reader and (project_id:%(project_id)s or project_id:%(member_id)s))",
        ["modify_member"] = "role:admin or (role:member and project_id:%(member_id)s)",

        ["get_image_location"] = "role:admin or (role:reader and project_id:%(project_id)s)",
        ["set_image_location"] = "role:admin or (rule:project_member)",
        ["delete_image_location"] = "role:admin",
        ["manage_image_cache"] = "role:admin",
        ["tasks_api_access"] = "role:admin",
        ["stores_info_detail"] = "role:admin",
        ["get_task"] = "rule:default",
        ["get_tasks"] = "rule:default",
        ["add_task"] = "rule:default",
        ["modify_task"] = "rule:default",
    };
}

namespace Glance.Domain.Common;

/// <summary>
/// A refusal in plain words for a person, with what to do about it. The API keeps Glance's own
/// messages (clients and Tempest match them); a user interface shows these instead, so that nobody
/// reads "You are not authorized to complete add_image action.".
/// </summary>
public static class Refusals
{
    /// <summary>The domain rule (not a policy rule) that only shared images have members.</summary>
    public const string NotShared = "shared_images_only";

    /// <summary>The domain rule that a protected image cannot be deleted.</summary>
    public const string Protected = "protected_image";

    public static string Explain(GlanceException refusal, CallerContext caller) =>
        refusal switch
        {
            ForbiddenException { Rule: { } rule } => ForRule(rule, caller),
            NotFoundException => $"{refusal.Message.TrimEnd('.')}. It may have been deleted, or you may no longer see it: reload the page.",
            ConflictException => $"{refusal.Message} Someone may have changed it at the same time: reload the page and try again.",
            _ => refusal.Message,
        };

    /// <summary>What it means for the caller that <paramref name="rule"/> refuses, and what to do.</summary>
    public static string ForRule(string rule, CallerContext caller)
    {
        var project = caller.ProjectId is { } id ? $"project {id}" : "your project";
        return Words(rule, project);
    }

    private static string Words(string rule, string project) => rule switch
    {
        "add_image" =>
            $"Your role in {project} lets you use images but not create them. Ask a member of the project or an admin to create it.",
        "modify_image" =>
            $"Your role in {project} does not let you change this image. A member of the project that owns it, or an admin, can.",
        "publicize_image" =>
            "Only an admin may make an image public in this cloud. Share it with the projects that need it, or ask an admin to publish it.",
        "communitize_image" =>
            "Your role may not make images community images in this cloud. Share it with the projects that need it, or ask an admin.",
        "delete_image" =>
            $"Your role in {project} does not let you delete this image. A member of the project that owns it, or an admin, can.",
        "upload_image" =>
            $"Your role in {project} does not let you upload data into this image. A member of the project that owns it, or an admin, can.",
        "download_image" =>
            "You may not download this image's data. Ask the project that owns it, or an admin.",
        "deactivate" or "reactivate" =>
            $"Your role in {project} may not {rule} this image. A member of the project that owns it, or an admin, can.",
        "add_member" or "delete_member" =>
            "Only the project that owns the image, or an admin, decides who it is shared with. Ask a member of that project.",
        "modify_member" =>
            $"Only a member of the project the image was offered to answers the offer, and your role in {project} cannot. Ask a member of the project.",
        "get_images" or "get_image" =>
            $"Your role in {project} does not let you see images. Ask an admin for a role in the project.",
        NotShared =>
            "Only shared images have members. Make the image shared first (Change visibility), then share it.",
        Protected =>
            "The image is protected from deletion. Unprotect it first, if you are sure.",
        _ => $"Your role in {project} does not allow this ({rule}). Ask an admin if you need it.",
    };
}

namespace Glance.Domain.Configuration;

/// <summary>The <c>Glance</c> section: where data lives and what the image schema allows.</summary>
public sealed class GlanceOptions
{
    public const string SectionName = "Glance";

    /// <summary>Holds <c>glance.db</c> and <c>images/</c>; relative paths are taken from the working folder.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>Glance's <c>allow_additional_image_properties</c>: false accepts only schema properties.</summary>
    public bool AllowAdditionalImageProperties { get; set; } = true;

    public string DataDirectoryFullPath => Path.GetFullPath(DataDirectory);
}

using System.Text.Json.Nodes;
using Glance.Domain.Images;

namespace Glance.Portal.Components.Images;

/// <summary>
/// The custom properties nearly every image carries (Horizon's and Skyline's create forms ask for the
/// same ones), offered as fields by the create and edit dialogs. They stay custom properties: the
/// property protections decide who may set them.
/// </summary>
public static class CommonProperties
{
    public static readonly IReadOnlyList<(string Name, string Label)> Fields =
    [
        ("description", "Description"),
        ("os_distro", "Operating system"),
        ("os_version", "OS version"),
        ("architecture", "Architecture"),
    ];

    /// <summary>Every common field with the image's value, empty where it has none.</summary>
    public static Dictionary<string, string?> ValuesOf(Image? image) =>
        Fields.ToDictionary(f => f.Name, f => image?.Properties.FirstOrDefault(p => p.Name == f.Name)?.Value);

    /// <summary>The fields that hold something, trimmed, as properties of a new image.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Filled(IReadOnlyDictionary<string, string?> values) =>
        values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).Select(v => KeyValuePair.Create(v.Key, (string?)v.Value!.Trim()));

    /// <summary>
    /// The patch that turns <paramref name="before"/> into <paramref name="after"/>: a field filled in
    /// is added, one emptied is removed, one changed is replaced; an untouched one sends nothing, so a
    /// property the caller may not change is never part of the change.
    /// </summary>
    public static IEnumerable<ImageChange> Changes(IReadOnlyDictionary<string, string?> before, IReadOnlyDictionary<string, string?> after)
    {
        foreach (var (name, _) in Fields)
        {
            var was = before.GetValueOrDefault(name);
            var now = after.GetValueOrDefault(name)?.Trim();
            if (string.IsNullOrEmpty(now))
            {
                if (was is not null)
                {
                    yield return ImageChange.Remove(name);
                }
            }
            else if (was is null)
            {
                yield return ImageChange.Add(name, JsonValue.Create(now));
            }
            else if (now != was)
            {
                yield return ImageChange.Replace(name, JsonValue.Create(now));
            }
        }
    }
}

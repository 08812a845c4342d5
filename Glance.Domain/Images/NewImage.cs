using System.Text.Json.Nodes;
using Glance.Domain.Common;

namespace Glance.Domain.Images;

/// <summary>What a caller asks for when creating an image; anything left null takes Glance's default.</summary>
public sealed record NewImage
{
    public string? Id { get; init; }

    public string? Name { get; init; }

    public ImageVisibility? Visibility { get; init; }

    public bool? Protected { get; init; }

    public bool? OsHidden { get; init; }

    public string? ContainerFormat { get; init; }

    public string? DiskFormat { get; init; }

    public int? MinRam { get; init; }

    public int? MinDisk { get; init; }

    /// <summary>Null means the caller's project.</summary>
    public string? Owner { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyDictionary<string, string?> Properties { get; init; } = new Dictionary<string, string?>();

    private static readonly string[] s_checkedFirst = ["direct_url", "self", "file", "schema", "stores"];

    /// <summary>
    /// Reads a create request body with Glance's checks in Glance's order: links and store fields are
    /// read-only (403), then the schema (400), then reserved names (403), then the other read-only
    /// attributes (403).
    /// </summary>
    public static NewImage FromJson(JsonObject body, bool allowAdditionalProperties)
    {
        foreach (var key in s_checkedFirst.Where(body.ContainsKey))
        {
            ImageAttributes.EnsureNotReadOnly(key);
        }

        var image = new NewImage();
        var properties = new Dictionary<string, string?>();
        foreach (var (key, node) in body)
        {
            if (key == "id")
            {
                image = image with { Id = ParseId(node) };
            }
            else if (ImageAttributes.Writable.Contains(key))
            {
                image = WithCore(image, key, ImageAttributes.ParseCoreValue(key, node));
            }
            else if (!ImageAttributes.IsCore(key) && !ImageAttributes.IsReserved(key))
            {
                properties[key] = ImageAttributes.ParseCustomValue(key, node, allowAdditionalProperties);
            }
        }

        foreach (var key in body.Select(p => p.Key))
        {
            // A locations list at create is refused as reserved (glance/api/v2/images.py create).
            if (key == "locations")
            {
                throw new ForbiddenException("Attribute 'locations' is reserved.");
            }
            ImageAttributes.EnsureNotReserved(key);
        }
        foreach (var key in body.Select(p => p.Key).Where(k => k != "id"))
        {
            ImageAttributes.EnsureNotReadOnly(key);
        }
        return image with { Properties = properties };
    }

    private static string ParseId(JsonNode? node)
    {
        if (node is JsonValue v && v.TryGetValue<string>(out var id) && ImageAttributes.IsUuid(id))
        {
            return id;
        }
        throw new ValidationException($"Provided object does not match schema 'image': {node?.ToJsonString() ?? "None"} does not match the UUID pattern (attribute 'id')");
    }

    private static NewImage WithCore(NewImage image, string key, object? value) => key switch
    {
        "name" => image with { Name = (string?)value },
        "owner" => image with { Owner = (string?)value },
        "visibility" => image with { Visibility = (ImageVisibility)value! },
        "protected" => image with { Protected = (bool)value! },
        "os_hidden" => image with { OsHidden = (bool)value! },
        "container_format" => image with { ContainerFormat = (string?)value },
        "disk_format" => image with { DiskFormat = (string?)value },
        "min_ram" => image with { MinRam = (int)value! },
        "min_disk" => image with { MinDisk = (int)value! },
        "tags" => image with { Tags = (List<string>)value! },
        _ => image,
    };
}

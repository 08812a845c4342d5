using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Glance.Domain.Common;

namespace Glance.Domain.Images;

/// <summary>
/// What Glance's image schema says about each attribute: which are core, read-only or reserved, and
/// what type and range a written value must have. Used for create and for every PATCH operation.
/// </summary>
public static partial class ImageAttributes
{
    public const int MaxStringLength = 255;

    /// <summary>Glance's 2^31-1 limit on <c>min_ram</c>/<c>min_disk</c> (an SQL integer column).</summary>
    public const long MaxInt = int.MaxValue;

    /// <summary>Attributes the server computes; writing them is 403 (glance/api/v2/images.py <c>_readonly_properties</c>).</summary>
    public static readonly IReadOnlySet<string> ReadOnly = new HashSet<string>
    {
        "created_at", "updated_at", "status", "checksum", "os_hash_algo", "os_hash_value", "size",
        "virtual_size", "direct_url", "self", "file", "schema", "id", "stores",
    };

    /// <summary>The core attributes a client may write (id only at create).</summary>
    public static readonly IReadOnlySet<string> Writable = new HashSet<string>
    {
        "name", "visibility", "protected", "os_hidden", "container_format", "disk_format", "min_ram",
        "min_disk", "tags", "owner",
    };

    /// <summary>Extra properties of Glance's sample <c>schema-image.json</c>; custom properties, but typed.</summary>
    public static readonly IReadOnlySet<string> SchemaExtras = new HashSet<string>
    {
        "kernel_id", "ramdisk_id", "instance_uuid", "architecture", "os_distro", "os_version",
        "description", "cinder_encryption_key_id", "cinder_encryption_key_deletion_policy",
    };

    public static readonly IReadOnlyList<string> KeyDeletionPolicies = ["on_image_deletion", "do_not_delete"];

    public static bool IsCore(string name) => ReadOnly.Contains(name) || Writable.Contains(name) || name == "locations";

    /// <summary>Names no user may set or remove (glance/api/v2/images.py <c>_reserved_properties</c> and the os_glance namespace).</summary>
    public static bool IsReserved(string name) =>
        name is "location" or "deleted" or "deleted_at" || name.StartsWith("os_glance", StringComparison.Ordinal);

    /// <summary>
    /// Why a name cannot be a custom property, in plain words, or null when it can: core attributes
    /// have their own fields (or are computed), reserved names belong to Glance. The API refuses both.
    /// </summary>
    public static string? CustomPropertyProblem(string name)
    {
        if (IsReserved(name))
        {
            return $"{name} is reserved for the image service itself; no one may set it.";
        }
        if (ReadOnly.Contains(name))
        {
            return $"{name} is computed by the image service; it cannot be set.";
        }
        return IsCore(name) ? $"{name} is one of the image's own fields, not a custom property: change it with Edit." : null;
    }

    public static void EnsureNotReadOnly(string name)
    {
        if (ReadOnly.Contains(name))
        {
            throw new ForbiddenException($"Attribute '{name}' is read-only.");
        }
    }

    public static void EnsureNotReserved(string name)
    {
        if (IsReserved(name))
        {
            throw new ForbiddenException($"Attribute '{name}' is reserved.");
        }
    }

    /// <summary>Checks a value for a writable core attribute and returns it typed.</summary>
    public static object? ParseCoreValue(string name, JsonNode? node) => name switch
    {
        "name" => NullableString(name, node),
        "owner" => NullableString(name, node),
        "visibility" => ParseVisibility(node),
        "protected" or "os_hidden" => Boolean(name, node),
        "container_format" => NullableEnum(name, node, ImageFormats.ContainerFormats),
        "disk_format" => NullableEnum(name, node, ImageFormats.DiskFormats),
        "min_ram" or "min_disk" => NonNegativeInt(name, node),
        "tags" => TagList(node),
        _ => throw new ValidationException($"Attribute '{name}' is not a writable core attribute."),
    };

    /// <summary>Checks a value for a custom property: a string, or for the typed schema extras what they allow.</summary>
    public static string? ParseCustomValue(string name, JsonNode? node, bool allowAdditional)
    {
        CheckPropertyName(name);
        if (!allowAdditional && !SchemaExtras.Contains(name))
        {
            throw new ValidationException($"Provided object does not match schema 'image': Additional properties are not allowed ('{name}' was unexpected)");
        }
        if (node is null && name is "kernel_id" or "ramdisk_id")
        {
            return null;
        }
        var value = RequireString(name, node);
        switch (name)
        {
            case "kernel_id" or "ramdisk_id" when !IsUuid(value):
                throw Mismatch(name, $"'{value}' does not match the UUID pattern");
            case "cinder_encryption_key_deletion_policy" when !KeyDeletionPolicies.Contains(value):
                throw Mismatch(name, $"'{value}' is not one of ['on_image_deletion', 'do_not_delete']");
        }
        return value;
    }

    public static void CheckPropertyName(string name)
    {
        if (name.Length > MaxStringLength)
        {
            throw new ValidationException("Custom property should not be greater than 255 characters.");
        }
        CheckNo4ByteUtf8(name);
    }

    public static string ParseTag(string tag)
    {
        if (tag.Length > MaxStringLength)
        {
            throw new ValidationException("Provided object does not match schema 'image': tag is longer than 255 characters");
        }
        CheckNo4ByteUtf8(tag);
        if (tag is "." or "..")
        {
            // A URL cannot name such a tag: every server resolves the segment before routing.
            throw new ValidationException($"Provided object does not match schema 'image': tag '{tag}' is not allowed (attribute 'tags')");
        }
        return tag;
    }

    public static bool IsUuid(string value) => UuidPattern().IsMatch(value);

    /// <summary>
    /// Glance refuses characters outside the Basic Multilingual Plane (4 bytes in UTF-8) because
    /// MySQL's legacy utf8 charset cannot hold them; clients rely on the 400.
    /// </summary>
    public static void CheckNo4ByteUtf8(string value)
    {
        foreach (var c in value)
        {
            if (char.IsSurrogate(c))
            {
                throw new ValidationException($"Value contains a 4-byte UTF-8 character: {value}");
            }
        }
    }

    private static string? NullableString(string name, JsonNode? node)
    {
        if (node is null)
        {
            return null;
        }
        var value = RequireString(name, node);
        if (value.Length > MaxStringLength)
        {
            throw Mismatch(name, $"'{value}' is too long");
        }
        return value;
    }

    private static string RequireString(string name, JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            var value = v.GetValue<string>();
            CheckNo4ByteUtf8(value);
            return value;
        }
        throw Mismatch(name, $"{Describe(node)} is not of type 'string'");
    }

    private static ImageVisibility ParseVisibility(JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String &&
            ImageVisibilityNames.TryParse(v.GetValue<string>(), out var visibility))
        {
            return visibility;
        }
        throw Mismatch("visibility", $"{Describe(node)} is not one of ['community', 'public', 'private', 'shared']");
    }

    private static bool Boolean(string name, JsonNode? node)
    {
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetValue<bool>();
        }
        throw Mismatch(name, $"{Describe(node)} is not of type 'boolean'");
    }

    private static string? NullableEnum(string name, JsonNode? node, IReadOnlyList<string> allowed)
    {
        if (node is null)
        {
            return null;
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String && allowed.Contains(v.GetValue<string>()))
        {
            return v.GetValue<string>();
        }
        throw Mismatch(name, $"{Describe(node)} is not one of [None, '{string.Join("', '", allowed)}']");
    }

    private static int NonNegativeInt(string name, JsonNode? node)
    {
        // Read the number from its text: a value built in code (an int) and one parsed from JSON then behave alike.
        var text = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : null;
        if (text is null || !text.TrimStart('-').All(char.IsAsciiDigit))
        {
            throw Mismatch(name, $"{Describe(node)} is not of type 'integer'");
        }
        if (!long.TryParse(text, out var number))
        {
            throw new ValidationException(text.StartsWith('-') ? $"Cannot set {name} to a negative value." : $"'{name}' value out of range");
        }
        if (number < 0)
        {
            throw new ValidationException($"Cannot set {name} to a negative value.");
        }
        if (number > MaxInt)
        {
            throw new ValidationException($"'{name}' value out of range");
        }
        return (int)number;
    }

    private static List<string> TagList(JsonNode? node)
    {
        if (node is not JsonArray array)
        {
            throw Mismatch("tags", $"{Describe(node)} is not of type 'array'");
        }
        var tags = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
            {
                throw Mismatch("tags", $"{Describe(item)} is not of type 'string'");
            }
            tags.Add(ParseTag(v.GetValue<string>()));
        }
        return tags.Distinct().ToList();
    }

    private static ValidationException Mismatch(string name, string detail) =>
        new($"Provided object does not match schema 'image': {detail} (attribute '{name}')");

    private static string Describe(JsonNode? node) => node is null ? "None" : node.ToJsonString();

    [GeneratedRegex("^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$")]
    private static partial Regex UuidPattern();
}

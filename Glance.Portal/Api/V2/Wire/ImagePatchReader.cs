using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Common;
using Glance.Domain.Images;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// Reads a PATCH body in either of Glance's media types into domain changes, with Glance's syntax
/// checks (glance/api/v2/images.py <c>RequestDeserializer.update</c>): the v2.1 form
/// <c>{"op": "replace", "path": "/name", "value": …}</c> and the deprecated v2.0 form
/// <c>{"replace": "/name", "value": …}</c> that Tempest still sends.
/// </summary>
internal static class ImagePatchReader
{
    public const string V21MediaType = "application/openstack-images-v2.1-json-patch";
    public const string V20MediaType = "application/openstack-images-v2.0-json-patch";
    public const string AcceptPatch = V20MediaType + ", " + V21MediaType;

    private static readonly string[] s_ops = ["add", "replace", "remove"];

    public static List<ImageChange> Read(JsonNode body, bool v20)
    {
        if (body is not JsonArray operations)
        {
            throw new ValidationException("Request body must be a JSON array of operation objects.");
        }
        var changes = new List<ImageChange>(operations.Count);
        foreach (var item in operations)
        {
            if (item is not JsonObject operation)
            {
                throw new ValidationException("Operations must be JSON objects.");
            }
            changes.Add(v20 ? ReadV20(operation) : ReadV21(operation));
        }
        return changes;
    }

    private static ImageChange ReadV21(JsonObject operation)
    {
        if (operation["op"] is not JsonValue opValue || opValue.GetValueKind() != JsonValueKind.String)
        {
            throw new ValidationException("Unable to find 'op' in JSON Schema change");
        }
        var op = opValue.GetValue<string>();
        if (!s_ops.Contains(op))
        {
            throw new ValidationException($"Invalid operation: `{op}`. It must be one of the following: add, replace, remove.");
        }
        if (operation["path"] is not JsonValue pathValue || pathValue.GetValueKind() != JsonValueKind.String)
        {
            throw new ValidationException("Unable to find 'path' in JSON Schema change");
        }
        return Build(op, pathValue.GetValue<string>(), operation, v20: false);
    }

    private static ImageChange ReadV20(JsonObject operation)
    {
        var present = s_ops.Where(operation.ContainsKey).ToList();
        if (present.Count != 1)
        {
            throw new ValidationException("Operation objects must contain exactly one member named \"add\", \"remove\", or \"replace\".");
        }
        var op = present[0];
        if (operation[op] is not JsonValue pathValue || pathValue.GetValueKind() != JsonValueKind.String)
        {
            throw new ValidationException($"Unable to find '{op}' in JSON Schema change");
        }
        return Build(op, pathValue.GetValue<string>(), operation, v20: true);
    }

    private static ImageChange Build(string op, string pointer, JsonObject operation, bool v20)
    {
        var attribute = DecodePointer(pointer);
        var kind = op switch
        {
            "add" => ImageChangeOp.Add,
            "replace" => ImageChangeOp.Replace,
            _ => ImageChangeOp.Remove,
        };
        JsonNode? value = null;
        if (kind != ImageChangeOp.Remove)
        {
            if (!operation.TryGetPropertyValue("value", out value))
            {
                throw new ValidationException($"Operation \"{op}\" requires a member named \"value\".");
            }
            value = value?.DeepClone();
        }
        return new ImageChange(kind, attribute, value, v20);
    }

    /// <summary>A JSON pointer of exactly one segment, with <c>~1</c> and <c>~0</c> decoded.</summary>
    private static string DecodePointer(string pointer)
    {
        if (!pointer.StartsWith('/'))
        {
            throw new ValidationException($"Pointer `{pointer}` does not start with \"/\".");
        }
        var segments = pointer[1..].Split('/');
        if (segments.Any(s => s.Length == 0))
        {
            throw new ValidationException($"Pointer `{pointer}` contains adjacent \"/\".");
        }
        if (segments.Length != 1)
        {
            // Only locations has deeper paths in Glance, and locations are not changeable here.
            if (segments[0] == "locations")
            {
                return "locations";
            }
            throw new ValidationException($"Invalid JSON pointer for this resource: '{pointer}'");
        }
        var segment = segments[0];
        for (var i = 0; i < segment.Length; i++)
        {
            if (segment[i] == '~' && (i + 1 == segment.Length || segment[i + 1] is not ('0' or '1')))
            {
                throw new ValidationException($"Pointer `{pointer}` contains \"~\" not part of a recognized escape sequence.");
            }
        }
        return segment.Replace("~1", "/").Replace("~0", "~");
    }
}

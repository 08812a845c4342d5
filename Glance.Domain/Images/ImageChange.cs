using System.Text.Json.Nodes;

namespace Glance.Domain.Images;

public enum ImageChangeOp
{
    Add,
    Replace,
    Remove,
}

/// <summary>
/// One operation of a PATCH: the attribute (a decoded JSON pointer of depth 1) and, for add and
/// replace, the JSON value as sent, so that the domain can check its type the way Glance's schema does.
/// </summary>
/// <param name="V20Semantics">Set for the deprecated v2.0 patch media type, whose add refuses to overwrite.</param>
public sealed record ImageChange(ImageChangeOp Op, string Attribute, JsonNode? Value = null, bool V20Semantics = false)
{
    public static ImageChange Replace(string attribute, JsonNode? value) => new(ImageChangeOp.Replace, attribute, value);

    public static ImageChange Add(string attribute, JsonNode? value) => new(ImageChangeOp.Add, attribute, value);

    public static ImageChange Remove(string attribute) => new(ImageChangeOp.Remove, attribute);
}

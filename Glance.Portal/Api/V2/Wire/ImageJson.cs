using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Glance.Domain.Images;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// An image as Glance's v2 API shows it (glance/api/v2/images.py <c>_format_image</c>): every core
/// attribute present, null when unset, custom properties flattened to the top level, links relative
/// to the API root.
/// </summary>
internal static class ImageJson
{
    /// <param name="showStores">The image says which stores hold its data (<see cref="Glance.Domain.ImageData.StoreService.ShowsStores"/>).</param>
    public static JsonObject From(Image image, bool showStores)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, image, showStores);
        }
        return JsonNode.Parse(buffer.WrittenSpan)!.AsObject();
    }

    /// <summary>
    /// Writes the image straight to a writer: the list writes its page this way, without a node tree
    /// per image (at 25 images a page, building the tree was most of the list's garbage).
    /// </summary>
    public static void Write(Utf8JsonWriter writer, Image image, bool showStores)
    {
        writer.WriteStartObject();
        writer.WriteString("id", image.Id);
        writer.WriteString("name", image.Name);
        writer.WriteString("status", image.Status.ToWire());
        writer.WriteString("visibility", image.Visibility.ToWire());
        writer.WriteBoolean("protected", image.Protected);
        writer.WriteBoolean("os_hidden", image.OsHidden);
        writer.WriteString("checksum", image.Checksum);
        writer.WriteString("os_hash_algo", image.OsHashAlgo);
        writer.WriteString("os_hash_value", image.OsHashValue);
        writer.WriteString("owner", image.Owner);
        WriteNumber(writer, "size", image.Size);
        WriteNumber(writer, "virtual_size", image.VirtualSize);
        writer.WriteString("container_format", image.ContainerFormat);
        writer.WriteString("disk_format", image.DiskFormat);
        writer.WriteNumber("min_ram", image.MinRam);
        writer.WriteNumber("min_disk", image.MinDisk);
        writer.WriteString("created_at", Timestamp(image.CreatedAt));
        writer.WriteString("updated_at", Timestamp(image.UpdatedAt));
        writer.WriteStartArray("tags");
        foreach (var tag in image.Tags)
        {
            writer.WriteStringValue(tag.Value);
        }
        writer.WriteEndArray();
        writer.WriteString("self", $"/v2/images/{image.Id}");
        writer.WriteString("file", $"/v2/images/{image.Id}/file");
        writer.WriteString("schema", "/v2/schemas/image");
        // Only with data somewhere: Glance leaves the key out for an image without locations.
        if (showStores && image.Stores is { Count: > 0 } stores)
        {
            writer.WriteString("stores", string.Join(",", stores));
        }
        foreach (var property in image.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            writer.WriteString(property.Name, property.Value ?? "");
        }
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is { } number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>Glance's timestamp form: UTC, whole seconds, a trailing Z.</summary>
    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

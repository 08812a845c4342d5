namespace Glance.Domain.Images;

/// <summary>Glance's default <c>[image_format] container_formats</c> and <c>disk_formats</c>.</summary>
public static class ImageFormats
{
    public static readonly IReadOnlyList<string> ContainerFormats =
        ["ami", "ari", "aki", "bare", "ovf", "ova", "docker", "compressed"];

    public static readonly IReadOnlyList<string> DiskFormats =
        ["ami", "ari", "aki", "vhd", "vhdx", "vmdk", "raw", "qcow2", "vdi", "iso", "ploop"];
}

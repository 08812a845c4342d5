namespace Glance.Portal.Components.Images;

/// <summary>
/// Properties Nova and the image tooling read, with the values they accept, so the editor can offer a
/// choice instead of free text (from the os-* and hw-* metadata definitions Glance ships).
/// </summary>
public static class WellKnownProperties
{
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Choices = new Dictionary<string, IReadOnlyList<string>>
    {
        ["os_distro"] = ["almalinux", "alpine", "arch", "centos", "cirros", "debian", "fedora", "freebsd", "opensuse", "rhel", "rocky", "sles", "ubuntu", "windows"],
        ["architecture"] = ["x86_64", "aarch64", "ppc64le", "s390x", "riscv64", "i686"],
        ["os_type"] = ["linux", "windows"],
        ["hw_disk_bus"] = ["virtio", "scsi", "ide", "sata", "usb", "fdc"],
        ["hw_cdrom_bus"] = ["ide", "sata", "scsi", "usb"],
        ["hw_vif_model"] = ["virtio", "e1000", "e1000e", "rtl8139", "ne2k_pci", "pcnet", "vmxnet3"],
        ["hw_firmware_type"] = ["bios", "uefi"],
        ["hw_machine_type"] = ["pc", "q35", "virt"],
        ["hw_scsi_model"] = ["virtio-scsi", "lsilogic", "buslogic"],
        ["hw_video_model"] = ["virtio", "vga", "cirrus", "qxl", "none"],
        ["hw_qemu_guest_agent"] = ["yes", "no"],
        ["os_require_quiesce"] = ["yes", "no"],
    };

    /// <summary>Free-text properties worth suggesting when adding one.</summary>
    public static readonly IReadOnlyList<string> Suggested = ["os_distro", "os_version", "architecture", "description", "hw_disk_bus", "hw_firmware_type", "hw_vif_model", "hw_qemu_guest_agent"];
}

using System.Text.Json.Nodes;
using Glance.Domain.Images;
using Glance.Domain.Members;

namespace Glance.Portal.Api.V2.Wire;

/// <summary>
/// The JSON schemas Glance serves at <c>/v2/schemas/*</c> (glance/api/v2/images.py
/// <c>get_base_properties</c>, plus the extra properties of its sample <c>schema-image.json</c>).
/// The constraints come from the domain, so the document and the checks cannot drift apart.
/// </summary>
internal static class ImageSchemas
{
    private const string UuidPattern = "^([0-9a-fA-F]){8}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){4}-([0-9a-fA-F]){12}$";

    /// <param name="multiStore">
    /// With Glance's multi-store API the image has <c>stores</c>. Only then: glanceclient turns every
    /// schema property into an option of <c>image-create</c>, and a <c>stores</c> one would collide with its own.
    /// </param>
    public static JsonObject Image(bool allowAdditionalProperties, bool multiStore)
    {
        var properties = ImageProperties();
        if (multiStore)
        {
            properties["stores"] = ReadOnly(Described(Type("string"),
                "Store in which image data resides.  Only present when the operator has enabled multiple stores.  May be a comma-separated list of store identifiers."));
        }
        var schema = new JsonObject
        {
            ["name"] = "image",
            ["properties"] = properties,
        };
        if (allowAdditionalProperties)
        {
            schema["additionalProperties"] = new JsonObject { ["type"] = "string" };
            schema["links"] = Links(("self", "{self}"), ("enclosure", "{file}"), ("describedby", "{schema}"));
        }
        else
        {
            schema["additionalProperties"] = false;
        }
        return schema;
    }

    public static JsonObject Images(bool allowAdditionalProperties, bool multiStore) => new()
    {
        ["name"] = "images",
        ["properties"] = new JsonObject
        {
            ["images"] = new JsonObject { ["type"] = "array", ["items"] = Image(allowAdditionalProperties, multiStore) },
            ["first"] = Type("string"),
            ["next"] = Type("string"),
            ["schema"] = Type("string"),
        },
        ["links"] = Links(("first", "{first}"), ("next", "{next}"), ("describedby", "{schema}")),
    };

    public static JsonObject Member() => new()
    {
        ["name"] = "member",
        ["properties"] = new JsonObject
        {
            ["member_id"] = Described(Type("string"), "An identifier for the image member (tenantId)"),
            ["image_id"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = UuidPattern }, "An identifier for the image"),
            ["created_at"] = Described(Type("string"), "Date and time of image member creation"),
            ["updated_at"] = Described(Type("string"), "Date and time of last modification of image member"),
            ["status"] = Described(Enum(Enum<MemberStatus>(s => s.ToWire())), "The status of this image member"),
            ["schema"] = new JsonObject { ["readOnly"] = true, ["type"] = "string" },
        },
    };

    public static JsonObject Members() => new()
    {
        ["name"] = "members",
        ["properties"] = new JsonObject
        {
            ["members"] = new JsonObject { ["type"] = "array", ["items"] = Member() },
            ["schema"] = Type("string"),
        },
        ["links"] = Links(("describedby", "{schema}")),
    };

    private static JsonObject ImageProperties() => new()
    {
        ["id"] = Described(new JsonObject { ["type"] = "string", ["pattern"] = UuidPattern }, "An identifier for the image"),
        ["name"] = Described(new JsonObject { ["type"] = Types("null", "string"), ["maxLength"] = ImageAttributes.MaxStringLength }, "Descriptive name for the image"),
        ["status"] = ReadOnly(Described(Enum(Enum<ImageStatus>(s => s.ToWire())), "Status of the image")),
        ["visibility"] = Described(Enum(Enum<ImageVisibility>(v => v.ToWire())), "Scope of image accessibility"),
        ["protected"] = Described(Type("boolean"), "If true, image will not be deletable."),
        ["os_hidden"] = Described(Type("boolean"), "If true, image will not appear in default image list response."),
        ["checksum"] = ReadOnly(Described(new JsonObject { ["type"] = Types("null", "string"), ["maxLength"] = 32 }, "md5 hash of image contents.")),
        ["os_hash_algo"] = ReadOnly(Described(new JsonObject { ["type"] = Types("null", "string"), ["maxLength"] = 64 }, "Algorithm to calculate the os_hash_value")),
        ["os_hash_value"] = ReadOnly(Described(new JsonObject { ["type"] = Types("null", "string"), ["maxLength"] = 128 }, "Hexdigest of the image contents using the algorithm specified by the os_hash_algo")),
        ["owner"] = Described(new JsonObject { ["type"] = Types("null", "string"), ["maxLength"] = ImageAttributes.MaxStringLength }, "Owner of the image"),
        ["size"] = ReadOnly(Described(new JsonObject { ["type"] = Types("null", "integer") }, "Size of image file in bytes")),
        ["virtual_size"] = ReadOnly(Described(new JsonObject { ["type"] = Types("null", "integer") }, "Virtual size of image in bytes")),
        ["container_format"] = Described(NullableEnum(ImageFormats.ContainerFormats), "Format of the container"),
        ["disk_format"] = Described(NullableEnum(ImageFormats.DiskFormats), "Format of the disk"),
        ["created_at"] = ReadOnly(Described(Type("string"), "Date and time of image registration")),
        ["updated_at"] = ReadOnly(Described(Type("string"), "Date and time of the last image modification")),
        ["tags"] = Described(new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["maxLength"] = ImageAttributes.MaxStringLength } }, "List of strings related to the image"),
        ["direct_url"] = ReadOnly(Described(Type("string"), "URL to access the image file kept in external store")),
        ["min_ram"] = Described(Type("integer"), "Amount of ram (in MB) required to boot image."),
        ["min_disk"] = Described(Type("integer"), "Amount of disk space (in GB) required to boot image."),
        ["self"] = ReadOnly(Described(Type("string"), "An image self url")),
        ["file"] = ReadOnly(Described(Type("string"), "An image file url")),
        ["schema"] = ReadOnly(Described(Type("string"), "An image schema url")),
        ["locations"] = Described(new JsonObject { ["type"] = "array", ["items"] = LocationItem() }, "A set of URLs to access the image file kept in external store"),
        ["kernel_id"] = Extra(new JsonObject { ["type"] = Types("null", "string"), ["pattern"] = UuidPattern }, "ID of image stored in Glance that should be used as the kernel when booting an AMI-style image."),
        ["ramdisk_id"] = Extra(new JsonObject { ["type"] = Types("null", "string"), ["pattern"] = UuidPattern }, "ID of image stored in Glance that should be used as the ramdisk when booting an AMI-style image."),
        ["instance_uuid"] = Extra(Type("string"), "Metadata which can be used to record which instance this image is associated with. (Informational only, does not create an instance snapshot.)"),
        ["architecture"] = Extra(Type("string"), "Operating system architecture as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html"),
        ["os_distro"] = Extra(Type("string"), "Common name of operating system distribution as specified in https://docs.openstack.org/python-glanceclient/latest/cli/property-keys.html"),
        ["os_version"] = Extra(Type("string"), "Operating system version as specified by the distributor."),
        ["description"] = Extra(Type("string"), "A human-readable string describing this image."),
        ["cinder_encryption_key_id"] = Extra(Type("string"), "Identifier in the OpenStack Key Management Service for the encryption key for the Block Storage Service to use when mounting a volume created from this image"),
        ["cinder_encryption_key_deletion_policy"] = Extra(Enum(ImageAttributes.KeyDeletionPolicies), "States the condition under which the Image Service will delete the object associated with the 'cinder_encryption_key_id' image property."),
    };

    private static JsonObject LocationItem() => new()
    {
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["url"] = new JsonObject { ["type"] = "string", ["maxLength"] = 255 },
            ["metadata"] = Type("object"),
            ["validation_data"] = new JsonObject
            {
                ["description"] = "Values to be used to populate the corresponding image properties. If the image status is not 'queued', values must exactly match those already contained in the image properties.",
                ["type"] = "object",
                ["writeOnly"] = true,
                ["additionalProperties"] = false,
                ["properties"] = new JsonObject
                {
                    ["checksum"] = new JsonObject { ["type"] = "string", ["minLength"] = 32, ["maxLength"] = 32 },
                    ["os_hash_algo"] = new JsonObject { ["type"] = "string", ["maxLength"] = 64 },
                    ["os_hash_value"] = new JsonObject { ["type"] = "string", ["maxLength"] = 128 },
                },
                ["required"] = new JsonArray("os_hash_algo", "os_hash_value"),
            },
        },
        ["required"] = new JsonArray("url", "metadata"),
    };

    private static JsonObject Type(string type) => new() { ["type"] = type };

    private static JsonArray Types(params string[] types) => new(types.Select(t => (JsonNode?)t).ToArray());

    private static JsonObject Enum(IEnumerable<string> values) => new()
    {
        ["type"] = "string",
        ["enum"] = new JsonArray(values.Select(v => (JsonNode?)v).ToArray()),
    };

    private static JsonObject NullableEnum(IEnumerable<string> values) => new()
    {
        ["type"] = Types("null", "string"),
        ["enum"] = new JsonArray(new JsonNode?[] { null }.Concat(values.Select(v => (JsonNode?)v)).ToArray()),
    };

    private static IEnumerable<string> Enum<T>(Func<T, string> name) where T : struct, System.Enum =>
        System.Enum.GetValues<T>().Select(name);

    private static JsonObject Described(JsonObject property, string description)
    {
        property["description"] = description;
        return property;
    }

    private static JsonObject ReadOnly(JsonObject property)
    {
        property["readOnly"] = true;
        return property;
    }

    private static JsonObject Extra(JsonObject property, string description)
    {
        property["description"] = description;
        property["is_base"] = false;
        return property;
    }

    private static JsonArray Links(params (string Rel, string Href)[] links) =>
        new(links.Select(l => (JsonNode?)new JsonObject { ["rel"] = l.Rel, ["href"] = l.Href }).ToArray());
}

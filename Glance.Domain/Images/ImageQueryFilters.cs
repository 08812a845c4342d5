using System.Linq.Expressions;
using Glance.Domain.Persistence;
using Glance.Domain.PropertyProtections;
using Microsoft.EntityFrameworkCore;

namespace Glance.Domain.Images;

/// <summary>Translates an <see cref="ImageQuery"/>'s filters into the SQL query, all of them ANDed, as Glance does.</summary>
internal static class ImageQueryFilters
{
    public static IQueryable<Image> ApplyFilters(this IQueryable<Image> images, ImageQuery query, GlanceDbContext db, ISearchIndex index, SearchIndexUse searchIndex, PropertyReadScope readable)
    {
        if (query.Search is { IsEmpty: false } search)
        {
            images = images.ApplySearch(search, db, index, searchIndex, readable);
        }
        foreach (var filter in query.TextFilters)
        {
            images = images.Where(Text(filter));
        }
        foreach (var filter in query.NumberFilters)
        {
            images = images.Where(Number(filter));
        }
        foreach (var filter in query.DateFilters)
        {
            images = images.Where(Date(filter));
        }
        foreach (var (name, value) in query.PropertyFilters)
        {
            // A property the caller may not read is one no image has, for this caller.
            images = readable.CanRead(name)
                ? images.Where(i => i.Properties.Any(p => p.Name == name && p.Value == value))
                : images.Where(i => false);
        }
        foreach (var tag in query.Tags)
        {
            images = images.Where(i => i.Tags.Any(t => t.Value == tag));
        }
        if (query.OwnerNot is { } notOwner)
        {
            images = images.Where(i => i.Owner == null || i.Owner != notOwner);
        }
        if (query.Protected is { } isProtected)
        {
            images = images.Where(i => i.Protected == isProtected);
        }
        return images;
    }

    private static Expression<Func<Image, bool>> Text(TextFilter filter)
    {
        if (filter.Field == "status")
        {
            // An unknown status is no error in Glance, just no match.
            var statuses = filter.Values.Select(v => ImageStatusTransitions.TryParse(v, out var s) ? s : (ImageStatus?)null)
                .OfType<ImageStatus>().ToList();
            return i => statuses.Contains(i.Status);
        }
        var values = filter.Values.ToList();
        return filter.Field switch
        {
            "name" => i => values.Contains(i.Name!),
            "id" => i => values.Contains(i.Id),
            "container_format" => i => values.Contains(i.ContainerFormat!),
            "disk_format" => i => values.Contains(i.DiskFormat!),
            "owner" => i => values.Contains(i.Owner!),
            "checksum" => i => values.Contains(i.Checksum!),
            "os_hash_value" => i => values.Contains(i.OsHashValue!),
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Field, "Not a text filter."),
        };
    }

    private static Expression<Func<Image, bool>> Number(NumberFilter filter)
    {
        var value = filter.Value;
        Expression<Func<Image, long?>> column = filter.Field switch
        {
            "size" => i => i.Size,
            "virtual_size" => i => i.VirtualSize,
            "min_ram" => i => i.MinRam,
            "min_disk" => i => i.MinDisk,
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Field, "Not a number filter."),
        };
        return Compare(column, filter.Op, value);
    }

    private static Expression<Func<Image, bool>> Date(DateFilter filter)
    {
        Expression<Func<Image, DateTime>> column = filter.Field == "created_at" ? i => i.CreatedAt : i => i.UpdatedAt;
        return Compare(column, filter.Op, filter.Value);
    }

    private static Expression<Func<Image, bool>> Compare<T>(Expression<Func<Image, T>> column, FilterOperator op, object value)
    {
        // The value goes in through a closure, so EF Core sends it as a parameter and caches one plan.
        var holder = new ValueHolder<T>((T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)));
        var right = Expression.Property(Expression.Constant(holder), nameof(ValueHolder<T>.Value));
        var body = op switch
        {
            FilterOperator.Eq => Expression.Equal(column.Body, right),
            FilterOperator.Neq => Expression.NotEqual(column.Body, right),
            FilterOperator.Gt => Expression.GreaterThan(column.Body, right),
            FilterOperator.Gte => Expression.GreaterThanOrEqual(column.Body, right),
            FilterOperator.Lt => Expression.LessThan(column.Body, right),
            FilterOperator.Lte => Expression.LessThanOrEqual(column.Body, right),
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not a comparison."),
        };
        return Expression.Lambda<Func<Image, bool>>(body, column.Parameters);
    }

    private sealed class ValueHolder<T>(T value)
    {
        public T Value { get; } = value;
    }
}

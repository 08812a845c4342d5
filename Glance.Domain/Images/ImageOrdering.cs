using System.Linq.Expressions;

namespace Glance.Domain.Images;

/// <summary>
/// Glance's list order and keyset paging: the asked-for keys, then created_at and id as tie-breakers,
/// with NULLs compared as '' or 0; the next page holds the rows strictly after the marker.
/// </summary>
internal static class ImageOrdering
{
    private static readonly ParameterExpression s_image = Expression.Parameter(typeof(Image), "i");

    public static List<SortKey> Complete(IReadOnlyList<SortKey> requested)
    {
        var keys = requested.Count == 0 ? [new SortKey("created_at", true)] : requested.ToList();
        // Tie-breakers follow the one direction the caller gave, else desc (glance/db/sqlalchemy/api.py _paginate_query).
        var tieDescending = requested.Select(k => k.Descending).Distinct().Count() == 1 ? requested[0].Descending : true;
        foreach (var tie in new[] { "created_at", "id" })
        {
            if (keys.All(k => k.Key != tie))
            {
                keys.Add(new SortKey(tie, tieDescending));
            }
        }
        return keys;
    }

    public static IQueryable<Image> Apply(IQueryable<Image> images, IReadOnlyList<SortKey> keys)
    {
        IOrderedQueryable<Image>? ordered = null;
        foreach (var key in keys)
        {
            var selector = Selector(key.Key);
            var method = (ordered is null, key.Descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var call = Expression.Call(typeof(Queryable), method, [typeof(Image), selector.ReturnType],
                (ordered ?? images).Expression, Expression.Quote(selector));
            ordered = (IOrderedQueryable<Image>)images.Provider.CreateQuery<Image>(call);
        }
        return ordered ?? images;
    }

    /// <summary>
    /// Rows that come strictly after <paramref name="marker"/> in the given order. The OR-of-ANDs form
    /// is led by a plain bound on the first key (<c>created_at &lt;= m</c>), which adds nothing
    /// logically but lets SQLite seek into the index instead of scanning from the start, so page 500
    /// costs what page 1 does.
    /// </summary>
    public static Expression<Func<Image, bool>> After(Image marker, IReadOnlyList<SortKey> keys)
    {
        Expression? any = null;
        Expression? equalSoFar = null;
        foreach (var key in keys)
        {
            var beyond = Compare(key.Key, marker, key.Descending ? ExpressionType.LessThan : ExpressionType.GreaterThan);
            var branch = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
            any = any is null ? branch : Expression.OrElse(any, branch);
            var equal = Compare(key.Key, marker, ExpressionType.Equal);
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }
        var seek = Compare(keys[0].Key, marker, keys[0].Descending ? ExpressionType.LessThanOrEqual : ExpressionType.GreaterThanOrEqual);
        return Expression.Lambda<Func<Image, bool>>(Expression.AndAlso(seek, any!), s_image);
    }

    private static LambdaExpression Selector(string key) => key switch
    {
        "name" => Lambda(i => i.Name ?? ""),
        SortKey.FoldedName => Lambda(i => i.SortName),
        "status" => Lambda(i => i.Status),
        "container_format" => Lambda(i => i.ContainerFormat ?? ""),
        "disk_format" => Lambda(i => i.DiskFormat ?? ""),
        "size" => Lambda(i => i.Size ?? 0),
        "id" => Lambda(i => i.Id),
        "created_at" => Lambda(i => i.CreatedAt),
        "updated_at" => Lambda(i => i.UpdatedAt),
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Not a sort key."),
    };

    private static LambdaExpression Lambda<T>(Expression<Func<Image, T>> selector) =>
        Expression.Lambda(new Rebind(selector.Parameters[0]).Visit(selector.Body), s_image);

    private static Expression Compare(string key, Image marker, ExpressionType comparison)
    {
        var selector = Selector(key);
        var markerValue = selector.Compile().DynamicInvoke(marker)!;
        if (markerValue is ImageStatus status)
        {
            // The status column holds Glance's names; compare those, as the database orders them.
            var matching = Enum.GetValues<ImageStatus>()
                .Where(s => Holds(string.CompareOrdinal(s.ToWire(), status.ToWire()), comparison))
                .ToList();
            return Expression.Call(Parameter(matching, typeof(List<ImageStatus>)), typeof(List<ImageStatus>).GetMethod(nameof(List<ImageStatus>.Contains))!, selector.Body);
        }
        var constant = Parameter(markerValue, selector.ReturnType);
        if (markerValue is string)
        {
            var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, selector.Body, constant);
            return Expression.MakeBinary(comparison, compare, Expression.Constant(0));
        }
        return Expression.MakeBinary(comparison, selector.Body, constant);
    }

    /// <summary>
    /// A value read through a closure-like holder, which EF Core sends as a SQL parameter: one cached
    /// query plan serves every marker instead of one plan per marker value.
    /// </summary>
    private static Expression Parameter(object value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }

    private static bool Holds(int order, ExpressionType comparison) => comparison switch
    {
        ExpressionType.LessThan => order < 0,
        ExpressionType.LessThanOrEqual => order <= 0,
        ExpressionType.GreaterThan => order > 0,
        ExpressionType.GreaterThanOrEqual => order >= 0,
        _ => order == 0,
    };

    private sealed class Rebind(ParameterExpression from) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? s_image : node;
    }
}

namespace Remiss.Infrastructure.Persistence;

using System.Text.Json;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

/// <summary>
/// A small list of value records (ratings, sections, signatories) stored as one JSON text column, the same on
/// SQLite and SQL Server. They are always read and written whole, never queried into.
/// </summary>
internal static class JsonColumn
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static ValueConverter<IReadOnlyList<T>, string> Converter<T>() =>
        new(v => JsonSerializer.Serialize(v, Options), v => Deserialize<T>(v));

    public static ValueComparer<IReadOnlyList<T>> Comparer<T>() =>
        new(
            (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
            v => JsonSerializer.Serialize(v, Options).GetHashCode(StringComparison.Ordinal),
            v => Deserialize<T>(JsonSerializer.Serialize(v, Options)));

    private static List<T> Deserialize<T>(string json) => JsonSerializer.Deserialize<List<T>>(json, Options) ?? [];
}

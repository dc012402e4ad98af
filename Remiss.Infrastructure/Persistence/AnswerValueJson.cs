namespace Remiss.Infrastructure.Persistence;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Remiss.Domain.Remisser;

/// <summary>
/// An answer's value as one JSON text column, the same on SQLite and SQL Server: <c>{"$type":"PositionAnswer","position":1}</c>.
/// The kinds of value are those of the registered question types, so a new type that stores a new kind of value needs
/// no schema change. Read and written whole, never queried into.
/// </summary>
internal static class AnswerValueJson
{
    public const string Discriminator = "$type";

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // The migrations build the JSON with SQL; the discriminator need not come first.
        AllowOutOfOrderMetadataProperties = true,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { WithValueKinds } },
    };

    // EF does not call a converter for null, so a missing value is a NULL column on both providers.
    public static ValueConverter<AnswerValue?, string> Converter { get; } =
        new(v => Serialize(v), json => Deserialize(json));

    public static ValueComparer<AnswerValue?> Comparer { get; } =
        new(
            (a, b) => Serialize(a) == Serialize(b),
            v => Serialize(v).GetHashCode(StringComparison.Ordinal),
            v => v == null ? null : Deserialize(Serialize(v)));

    public static string Serialize(AnswerValue? value) => JsonSerializer.Serialize(value, Options);

    public static AnswerValue Deserialize(string json) =>
        JsonSerializer.Deserialize<AnswerValue>(json, Options) ?? throw new JsonException("An answer value is missing.");

    private static void WithValueKinds(JsonTypeInfo info)
    {
        if (info.Type != typeof(AnswerValue))
        {
            return;
        }

        info.PolymorphismOptions = new JsonPolymorphismOptions { TypeDiscriminatorPropertyName = Discriminator };
        foreach (var valueType in QuestionKinds.All.Select(k => k.ValueType).OfType<Type>().Distinct())
        {
            info.PolymorphismOptions.DerivedTypes.Add(new JsonDerivedType(valueType, valueType.Name));
        }
    }
}

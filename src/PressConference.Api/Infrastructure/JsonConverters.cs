using System.Text.Json;
using System.Text.Json.Serialization;

namespace PressConference.Api.Infrastructure;

/// <summary>
/// Accepts a local time without offset (taken as Asia/Ho_Chi_Minh) or an instant with an offset; writes ISO 8601
/// with the offset it holds.
/// </summary>
public sealed class FlexibleDateTimeOffsetConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && VietnamTime.TryParse(reader.GetString(), out var value))
        {
            return value;
        }

        throw new JsonException("Invalid date/time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>UTC instants leave the service as "2026-12-24T08:00:00Z", whatever Kind EF handed back.</summary>
public sealed class UtcDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && VietnamTime.TryParse(reader.GetString(), out var value))
        {
            return value.UtcDateTime;
        }

        throw new JsonException("Invalid date/time.");
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
        writer.WriteStringValue(DateTime.SpecifyKind(value, DateTimeKind.Utc)
            .ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture));
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Remiss.Infrastructure.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AnswerValueAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The type's value moves from one column per type to one JSON column, so that a new question type
            // needs no schema change. Each answer is moved by its question's type, before the old columns go.
            migrationBuilder.AddColumn<string>(
                name: "Value",
                table: "Answers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.Sql("""
                UPDATE "Answers" SET "Value" = CASE (SELECT "Type" FROM "Questions" WHERE "Questions"."Id" = "Answers"."QuestionId")
                    WHEN 'Position' THEN CASE WHEN "Position" IS NOT NULL THEN json_object('$type', 'PositionAnswer', 'position',
                        CASE "Position" WHEN 'Supports' THEN 1 WHEN 'PartlySupports' THEN 2 WHEN 'Opposes' THEN 3 WHEN 'NoComments' THEN 4 END) END
                    WHEN 'Choice' THEN CASE WHEN json_array_length("Choices") > 0 THEN json_object('$type', 'ChoiceAnswer', 'choices', json("Choices")) END
                    WHEN 'TrafficLight' THEN CASE WHEN json_array_length("Ratings") > 0 THEN json_object('$type', 'TrafficLightAnswer', 'ratings', json("Ratings")) END
                END;
                """);

            migrationBuilder.DropColumn(
                name: "Choices",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Position",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "Ratings",
                table: "Answers");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Choices",
                table: "Answers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "Position",
                table: "Answers",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Ratings",
                table: "Answers",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.Sql("""
                UPDATE "Answers" SET
                    "Position" = CASE WHEN json_extract("Value", '$."$type"') = 'PositionAnswer' THEN
                        CASE json_extract("Value", '$.position') WHEN 1 THEN 'Supports' WHEN 2 THEN 'PartlySupports' WHEN 3 THEN 'Opposes' WHEN 4 THEN 'NoComments' END END,
                    "Choices" = COALESCE(CASE WHEN json_extract("Value", '$."$type"') = 'ChoiceAnswer' THEN json_extract("Value", '$.choices') END, '[]'),
                    "Ratings" = COALESCE(CASE WHEN json_extract("Value", '$."$type"') = 'TrafficLightAnswer' THEN json_extract("Value", '$.ratings') END, '[]');
                """);

            migrationBuilder.DropColumn(
                name: "Value",
                table: "Answers");
        }
    }
}

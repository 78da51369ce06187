using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Roundtable.Tests.Infrastructure;
using Roundtable.Web.People;
using Roundtable.Web.Privacy;

namespace Roundtable.Tests.Privacy;

// Every entity that holds a person's id must be read by the subject access export, or be named as
// not exported with a reason. A new entity with a person's id fails here until someone decides.
public class PersonalDataCoverageTests(AppFactory app) : AppTest(app)
{
    // A property refers to a person when it is (part of) a foreign key to the people (AspNetUsers)
    // or to a delegate's place (Participant), or when it is a string "...Id" that is neither the
    // entity's own key nor a foreign key to something else: ids like SubmittedById are kept without
    // a foreign key so that the record survives the person.
    public static IEnumerable<(IEntityType Entity, string Property)> PersonReferences(IModel model)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties())
            {
                var fks = property.GetContainingForeignKeys().ToList();
                var toPerson = fks.Any(fk => fk.PrincipalEntityType.ClrType == typeof(AppUser) || fk.PrincipalEntityType.ClrType == typeof(Participant));
                var looseId = property.ClrType == typeof(string) && property.Name.EndsWith("Id", StringComparison.Ordinal)
                    && !property.IsPrimaryKey() && fks.Count == 0;
                if (toPerson || looseId)
                {
                    yield return (entity, property.Name);
                }
            }
        }
    }

    [Fact]
    public async Task EveryEntityHoldingAPersonsId_IsExported_OrExcludedWithAReason()
    {
        var references = await App.WithDbAsync(db => Task.FromResult(PersonReferences(db.Model).ToList()));

        // The walk itself must see the kinds we know hold person ids, or it proves nothing.
        Assert.Contains(references, r => r.Entity.ClrType == typeof(Roundtable.Web.Communities.ProblemCard) && r.Property == "OwnerId");
        Assert.Contains(references, r => r.Entity.ClrType == typeof(Roundtable.Web.Invoicing.Invoice) && r.Property == "SubmittedById");
        Assert.Contains(references, r => r.Entity.ClrType == typeof(Roundtable.Web.Tutorials.Booking) && r.Property == "ParticipantId");
        var missing = references
            .Where(r => !PersonalDataExport.Handled.ContainsKey(r.Entity.ClrType) && !PersonalDataExport.NotExported.ContainsKey(r.Entity.ClrType))
            .Select(r => $"{r.Entity.ClrType.Name}.{r.Property}")
            .ToList();
        Assert.True(missing.Count == 0, "Not covered by the export (add it to PersonalDataExport, or to NotExported with the reason): " + string.Join(", ", missing));
    }

    [Fact]
    public void NotExported_GivesAReasonForEachType_AndOverlapsNothingHandled()
    {
        Assert.All(PersonalDataExport.NotExported, e => Assert.False(string.IsNullOrWhiteSpace(e.Value)));
        Assert.Empty(PersonalDataExport.NotExported.Keys.Intersect(PersonalDataExport.Handled.Keys));
    }

    [Fact]
    public async Task EveryHandledType_IsInTheModel()
    {
        var types = await App.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet()));
        Assert.All(PersonalDataExport.Handled.Keys, t => Assert.Contains(t, types));
    }
}

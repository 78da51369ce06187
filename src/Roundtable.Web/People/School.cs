using System.ComponentModel.DataAnnotations;

namespace Roundtable.Web.People;

public class School
{
    public const int NameMaxLength = 200;
    public const int UrnMin = 100000;
    public const int UrnMax = 999999;

    public int Id { get; set; }
    // Unique reference number from Get Information about Schools: six digits.
    public int Urn { get; set; }
    public string Name { get; set; } = "";
    public SchoolPhase Phase { get; set; }
    public SettingType SettingType { get; set; }
    public Region Region { get; set; }
    public int? NumberOnRoll { get; set; }

    public static bool IsValidUrn(int urn) => urn is >= UrnMin and <= UrnMax;

    public void Update(SchoolDetails details) =>
        (Name, Urn, Phase, SettingType, Region, NumberOnRoll) = (details.Name, details.Urn, details.Phase, details.SettingType, details.Region, details.NumberOnRoll);
}

public enum SchoolPhase
{
    Nursery,
    Primary,
    Middle,
    Secondary,
    [Display(Name = "All-through")] AllThrough,
    [Display(Name = "16 plus")] SixteenPlus,
}

public enum SettingType
{
    [Display(Name = "Local-authority maintained")] Maintained,
    Academy,
    [Display(Name = "Free school")] FreeSchool,
    [Display(Name = "Special school")] Special,
    [Display(Name = "Alternative provision")] AlternativeProvision,
    Independent,
}

public enum Region
{
    [Display(Name = "North East")] NorthEast,
    [Display(Name = "North West")] NorthWest,
    [Display(Name = "Yorkshire and the Humber")] YorkshireAndTheHumber,
    [Display(Name = "East Midlands")] EastMidlands,
    [Display(Name = "West Midlands")] WestMidlands,
    [Display(Name = "East of England")] EastOfEngland,
    London,
    [Display(Name = "South East")] SouthEast,
    [Display(Name = "South West")] SouthWest,
}

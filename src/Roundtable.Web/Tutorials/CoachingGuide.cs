namespace Roundtable.Web.Tutorials;

// The seed's suggested discussion areas (003), paraphrased: a menu for the partner, not a script.
public static class CoachingGuide
{
    public const string FocusReminder = "Before you start, establish what they would like the focus to be.";

    public static string Introduction(int project) => project == Projects.ProjectNumbers.Change
        ? "Talk the planned whole-school change through with a coaching approach: help the delegate move beyond describing what they aim to do, to the opportunities, challenges and specific issues that might arise. What you discuss depends on the delegate and how far their thinking has got; you are not expected to work through the whole list."
        : "This tutorial helps the delegate plan their second project, which is about change, and in particular risk, resourcing and increasing capacity, in a placement setting. Delegates often feel anxious about leading a team and making recommendations in a school they may not know at all. As in tutorial 1, use a coaching approach to move them beyond describing what they aim to do. This tutorial is not for finding a placement: if that is the problem, refer the delegate to their tutor.";

    public static IReadOnlyList<string> Areas(int project) => project == Projects.ProjectNumbers.Change ? Tutorial1 : Tutorial2;

    public static readonly IReadOnlyList<string> Tutorial1 =
    [
        "The rationale: what they want to change and why. If they have several ideas, help them find a specific focus, such as a question to investigate turned into a SMART target.",
        "What is happening now: collecting evidence and setting baselines for an accurate picture of teaching, learning and assessment across their setting or area of responsibility.",
        "Success criteria: how they will know whether they have been successful.",
        "Manageability: time (in practice about two terms), resources, staff workload, ethics.",
        "What might help or hinder the change: building on the strengths and support in their setting, and reducing or overcoming threats, whether cultural, organisational or resource-related.",
        "Their team: its size, securing professional and emotional commitment, and building and supporting the team.",
        "Communicating with their team and other colleagues.",
        "The questions, concerns and challenges the project may raise with colleagues, and how they will anticipate and respond to resistance.",
        "Practical issues in implementing and monitoring the project.",
        "Evaluation: what data they will collect, how they will analyse it, and how they will make sure their interpretation is reflective and meaningful.",
        "How they will communicate the outcomes and build on them.",
    ];

    public static readonly IReadOnlyList<string> Tutorial2 =
    [
        "How the placement setting contrasts with their own.",
        "Risk, resourcing and increasing capacity: the placement school's resource and capability challenges, the risks in their plan, and how the action plan and its curriculum-led budget build the school's capacity.",
        "The etiquette and challenges of working in a host setting: how you would want a delegate on placement in your school to behave, tips for success, what they need to be aware of, and the leadership skills and behaviours they are likely to need.",
        "Lines of communication, and how they will get to the point of making recommendations to a governing board that is not their own.",
        "How the project lets them draw on their own strengths to help the placement school make changes or improvements.",
        "Challenges and issues that might arise.",
        "How best to use their nine days in the placement school.",
    ];
}

using System.Reflection;
using Microsoft.Build.Framework;

namespace Dvc.Build.Tasks;

/// <summary>
/// Messages that MSBuild's terminal logger (the default of <c>dotnet build</c> in a terminal since
/// .NET 9) shows as they happen. It holds back every task message, high importance included, below
/// <c>-tlp:v=d</c>, and even then prints them only when the project finishes (MSBuild's
/// TerminalLogger.MessageRaised). MSBuild 18 has no supported way for a task to say "print this
/// now" (dotnet/msbuild#9667, progress API #6944 still open); the one path it offers is the test
/// runners': in a project that ran a target named <c>_TestRunStart</c> (build/Dvc.Build.targets
/// runs it when <c>_MSBUILDTLENABLED</c> is 1), an <c>ExtendedBuildMessageEventArgs</c> of type
/// TLTESTOUTPUT is rendered at once and one of type TLTESTPASSED replaces the project's status line.
/// MSBuild lists these types as a workaround to retire (dotnet/msbuild#10356), so everything here
/// falls back to an ordinary high-importance message: the console logger (-tl:off, a pipe, CI,
/// Visual Studio) prints both kinds identically, and so does the terminal logger at -tlp:v=d.
/// </summary>
internal static class LiveMessages
{
    private const string OutputType = "TLTESTOUTPUT";
    private const string StatusType = "TLTESTPASSED";

    // The event type is found at run time: the MSBuild API this assembly compiles against (17.7)
    // predates it, and an MSBuild without it gets the plain messages.
    private static readonly Type? EventType = typeof(BuildMessageEventArgs).Assembly.GetType("Microsoft.Build.Framework.ExtendedBuildMessageEventArgs");

    private static readonly ConstructorInfo? Constructor = EventType?.GetConstructor(
        [typeof(string), typeof(string), typeof(string), typeof(string), typeof(MessageImportance)]);

    private static readonly PropertyInfo? Metadata = EventType?.GetProperty("ExtendedMetadata");

    /// <summary>True when this MSBuild has the extended message type.</summary>
    public static bool Available => Constructor is not null && Metadata is not null;

    /// <summary>
    /// True when the extended messages reach the loggers from <paramref name="engine"/>. A task host
    /// (TaskHostFactory, how Visual Studio's .NET Framework MSBuild runs these tasks) forwards only
    /// the message types it knows: it drops the extended one, so there every line is a plain message.
    /// </summary>
    public static bool Reach(IBuildEngine engine) =>
        Available && engine.GetType().FullName != "Microsoft.Build.CommandLine.OutOfProcTaskHostNode";

    /// <summary>One line of console output, live under either logger.</summary>
    public static void Line(IBuildEngine engine, string senderName, string line)
    {
        engine.LogMessageEvent(Reach(engine)
            ? Create(OutputType, line, senderName)
            : new BuildMessageEventArgs(line, null, senderName, MessageImportance.High));
    }

    /// <summary>
    /// Replaces the project's line in the terminal logger's live status area with
    /// "<paramref name="label"/> <paramref name="text"/>" until the next status. Only for the terminal
    /// logger: any other logger would print it as a line.
    /// </summary>
    public static void Status(IBuildEngine engine, string senderName, string label, string text)
    {
        if (!Reach(engine))
        {
            return;
        }

        var status = Create(StatusType, text, senderName);
        // The keys the terminal logger reads for a test result: the coloured word, then the name.
        Metadata!.SetValue(status, new Dictionary<string, string?> { ["localizedResult"] = label, ["displayName"] = text });
        engine.LogMessageEvent(status);
    }

    private static BuildMessageEventArgs Create(string type, string message, string senderName) =>
        (BuildMessageEventArgs)Constructor!.Invoke([type, message, null, senderName, MessageImportance.High]);
}

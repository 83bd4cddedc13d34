namespace Dvc.Core.Experiments;

/// <summary>One recorded experiment: its ref, the commit the ref points to and that commit's committer time.</summary>
internal sealed record ExperimentInfo(ExpRef Ref, string CommitSha, DateTimeOffset? CommitTime)
{
    public string Name => Ref.Name;

    public string BaselineSha => Ref.BaselineSha;
}

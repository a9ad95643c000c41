using Io.Cucumber.Messages.Types;
using Reqnroll.Formatters.Configuration;
using Reqnroll.Formatters.Html;
using Reqnroll.Formatters.RuntimeSupport;
using Reqnroll.Utils;

namespace Fota.FeatureRunner.Reporting;

/// <summary>
/// Reqnroll's <c>html</c> formatter, listing features by their <b>title</b>: the report names each Gherkin document by
/// its uri, so the HTML (only) gets the title as the uri of a feature's source, document and pickles. The
/// <c>message</c> formatter's ndjson keeps the paths.
/// </summary>
internal sealed class LivingDocHtmlFormatter(IFormattersConfigurationProvider configuration, IFormatterLog log, IFileSystem fileSystem)
    : HtmlFormatter(configuration, log, fileSystem)
{
    protected override Task WriteToFile(Envelope envelope, CancellationToken cancellationToken) =>
        base.WriteToFile(Titled(envelope), cancellationToken);

    internal static Envelope Titled(Envelope envelope) => envelope switch
    {
        { Source: { } source } => Envelope.Create(new Source(ReportedFeatures.TitleOf(source.Uri), source.Data, source.MediaType)),
        { GherkinDocument: { } document } => Envelope.Create(new GherkinDocument(ReportedFeatures.TitleOf(document.Uri), document.Feature, document.Comments)),
        { Pickle: { } pickle } => Envelope.Create(new Pickle(pickle.Id, ReportedFeatures.TitleOf(pickle.Uri), pickle.Name, pickle.Language, pickle.Steps, pickle.Tags, pickle.AstNodeIds)),
        _ => envelope,
    };
}

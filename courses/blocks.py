"""StreamField blocks of a lesson: NHS.UK components first, then the Academy's own."""

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail import blocks
from wagtail.blocks import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtailnhsukfrontend import blocks as nhsuk


class ImageBlock(blocks.StructBlock):
    """An image that always carries alt text: lessons have no decorative images."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        help_text="Describe what the image shows for people who cannot see it."
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class VideoBlock(blocks.StructBlock):
    """A video clip with its full transcript, for people who cannot watch or hear it."""

    title = blocks.CharBlock()
    video = EmbedBlock(help_text="Address of the video, for example on YouTube.")
    transcript = blocks.RichTextBlock(
        features=["bold", "italic", "ol", "ul"],
        help_text="Everything said and shown in the video.",
    )

    class Meta:
        icon = "media"
        template = "blocks/video.html"


class DemonstrationStepBlock(blocks.StructBlock):
    image = ImageChooserBlock(required=False)
    alt_text = blocks.CharBlock(required=False, help_text="Required with an image.")
    clip = EmbedBlock(required=False, help_text="A short clip instead of an image.")
    caption = blocks.CharBlock(help_text="What the learner does at this step.")

    class Meta:
        icon = "image"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if not value.get("image") and not value.get("clip"):
            errors["image"] = ErrorList(
                ["Choose an image or give a clip for each step."]
            )
        if value.get("image") and not value.get("alt_text"):
            errors["alt_text"] = ErrorList(["Describe the image for screen readers."])
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value


class DemonstrationBlock(blocks.StructBlock):
    """A step-by-step demonstration, such as the gowning sequence, numbered in order."""

    title = blocks.CharBlock()
    steps = blocks.ListBlock(DemonstrationStepBlock(), min_num=2)

    class Meta:
        icon = "list-ol"
        template = "blocks/demonstration.html"


class KnowledgeCheckOptionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label="Answer option")
    is_correct = blocks.BooleanBlock(required=False, label="This is a right answer")
    feedback = blocks.CharBlock(help_text="Why this answer is right or wrong.")

    class Meta:
        icon = "radio-full"


class KnowledgeCheckBlock(blocks.StructBlock):
    """A formative question: feedback is shown at once and nothing is recorded."""

    question = blocks.CharBlock()
    options = blocks.ListBlock(KnowledgeCheckOptionBlock(), min_num=2)

    class Meta:
        icon = "help"
        template = "blocks/knowledge_check.html"

    def clean(self, value):
        value = super().clean(value)
        if not any(option["is_correct"] for option in value["options"]):
            raise ValidationError("Mark at least one answer option as right.")
        return value


class LessonBodyBlock(blocks.StreamBlock):
    richtext = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        template="blocks/richtext.html",
    )
    inset_text = nhsuk.InsetTextBlock()
    warning_callout = nhsuk.WarningCalloutBlock()
    details = nhsuk.DetailsBlock()
    expander = nhsuk.ExpanderBlock()
    do_list = nhsuk.DoBlock()
    dont_list = nhsuk.DontBlock()
    care_card = nhsuk.CareCardBlock()
    summary_list = nhsuk.SummaryListBlock()
    table = nhsuk.TableBlock()
    image = ImageBlock()
    video = VideoBlock()
    demonstration = DemonstrationBlock()
    knowledge_check = KnowledgeCheckBlock()


class KSFDimensionBlock(blocks.StructBlock):
    """One NHS Knowledge and Skills Framework core dimension and the level the role needs."""

    dimension = blocks.ChoiceBlock(
        choices=[
            ("Communication", "Communication"),
            ("Personal and people development", "Personal and people development"),
            ("Health, safety and security", "Health, safety and security"),
            ("Service improvement", "Service improvement"),
            ("Quality", "Quality"),
            ("Equality and diversity", "Equality and diversity"),
        ]
    )
    level = blocks.IntegerBlock(min_value=1, max_value=4)

    class Meta:
        icon = "tasks"
        template = "blocks/ksf_dimension.html"

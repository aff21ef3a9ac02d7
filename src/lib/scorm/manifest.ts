/**
 * imsmanifest.xml for a Deskdrill package: one SCO (the app) whose launch
 * file opens one lab or the catalogue. SCORM 1.2 (IMS CP 1.1.2 with ADL's
 * adlcp_rootv1p2) or SCORM 2004 4th Edition (IMS CP 1.1 with adlcp_v1p3 and
 * simple sequencing: the content sets completion and success itself). Pure.
 */
import type { ScormVersion } from './api';

export interface ManifestInput {
	version: ScormVersion;
	/** A stable id for the package (the lab's id, or "catalogue"). */
	id: string;
	title: string;
	/** What the organisation's single item is called in the LMS's menu. */
	itemTitle: string;
	/** Every file in the package except imsmanifest.xml, with forward slashes. */
	files: string[];
	launch: string;
}

export function xmlEscape(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** An XML ID (NCName) from any text: letters, digits, '-', '_', '.', starting with a letter. */
export function xmlId(text: string): string {
	return `deskdrill-${text.replace(/[^A-Za-z0-9_.-]+/g, '-')}`;
}

function fileList(files: string[]): string {
	return files.map((f) => `\t\t\t<file href="${xmlEscape(f)}"/>`).join('\n');
}

function scorm12(m: ManifestInput): string {
	const id = xmlId(m.id);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
	xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>1.2</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${xmlEscape(m.title)}</title>
			<item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
				<title>${xmlEscape(m.itemTitle)}</title>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${xmlEscape(m.launch)}">
${fileList(m.files)}
		</resource>
	</resources>
</manifest>
`;
}

function scorm2004(m: ManifestInput): string {
	const id = xmlId(m.id);
	return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
	xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
	xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
	xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
	xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
	xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
	xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
	xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
	<metadata>
		<schema>ADL SCORM</schema>
		<schemaversion>2004 4th Edition</schemaversion>
	</metadata>
	<organizations default="${id}-org">
		<organization identifier="${id}-org">
			<title>${xmlEscape(m.title)}</title>
			<item identifier="${id}-item" identifierref="${id}-sco">
				<title>${xmlEscape(m.itemTitle)}</title>
				<imsss:sequencing>
					<imsss:deliveryControls completionSetByContent="true" objectiveSetByContent="true"/>
				</imsss:sequencing>
			</item>
		</organization>
	</organizations>
	<resources>
		<resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${xmlEscape(m.launch)}">
${fileList(m.files)}
		</resource>
	</resources>
</manifest>
`;
}

export function imsManifest(m: ManifestInput): string {
	return m.version === '1.2' ? scorm12(m) : scorm2004(m);
}

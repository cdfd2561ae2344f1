package com.sciaticacheck.training;

import java.util.ArrayDeque;
import java.util.Deque;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One pass over the elements of a GPX or TCX file, as both readers make it: the path of
 * open elements (local names, so any namespace prefix reads the same), the root the
 * format must have, a limit on nesting, and the refusal of any DTD or entity. A reader
 * says what each element means to it.
 */
abstract class ElementWalk {

	/** The file's XML, for the readers' attributes and text. */
	protected final XMLStreamReader xml;

	private final String root;

	/** The local names of the open elements, innermost first. */
	private final Deque<String> open = new ArrayDeque<>();

	ElementWalk(XMLStreamReader xml, String root) {
		this.xml = xml;
		this.root = root;
	}

	/** A reader's walk over one file, made once the screened parser is there. */
	@FunctionalInterface
	interface Start {

		ElementWalk over(XMLStreamReader xml);

	}

	/**
	 * Reads one GPX or TCX file through the {@link XmlScreen}: the activities of the walk
	 * the reader starts, or the reason the file cannot be read. A limit of the import
	 * comes first, as it may be what the parser failed on.
	 */
	static List<Activity> read(InputStream content, ImportBudget budget, String root, Start start)
			throws UnreadableFileException {
		XmlScreen screen = new XmlScreen(content);
		try {
			XMLStreamReader xml = screen.parser();
			try {
				return start.over(xml).activities();
			}
			finally {
				xml.close();
			}
		}
		catch (XMLStreamException | RuntimeException ex) {
			if (budget.exceeded() != null) {
				throw budget.exceeded();
			}
			throw screen.failure(root);
		}
	}

	/** Walks the whole file: its activities, or why it has none. */
	abstract List<Activity> activities() throws XMLStreamException, UnreadableFileException;

	/** Reads the file to its end, element by element. */
	final void walk() throws XMLStreamException, UnreadableFileException {
		while (this.xml.hasNext()) {
			switch (this.xml.next()) {
				case XMLStreamConstants.START_ELEMENT -> start(this.xml.getLocalName());
				case XMLStreamConstants.END_ELEMENT -> {
					String name = this.open.pop();
					ended(name, this.open.peek());
				}
				case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE ->
					throw new UnreadableFileException("unsafeXml");
				default -> {
				}
			}
		}
	}

	private void start(String name) throws XMLStreamException, UnreadableFileException {
		String parent = this.open.peek();
		if (parent == null && !name.equals(this.root)) {
			throw new UnreadableFileException("otherXml");
		}
		if (this.open.size() >= XmlScreen.MAX_DEPTH) {
			throw new UnreadableFileException("damaged");
		}
		if (started(name, parent)) {
			this.open.push(name);
		}
	}

	/**
	 * An element begins.
	 * @param parent the element it is in, null for the root
	 * @return whether it stays open: false when its text was read to its end already
	 */
	abstract boolean started(String name, String parent) throws XMLStreamException, UnreadableFileException;

	/**
	 * An element ends.
	 * @param parent the element it was in, null for the root
	 */
	abstract void ended(String name, String parent);

	/** The element the parent of the element beginning is in, or null. */
	final String grandparent() {
		Iterator<String> outer = this.open.iterator();
		outer.next();
		return outer.hasNext() ? outer.next() : null;
	}

}

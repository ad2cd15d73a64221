package org.opendvc.portal.infrastructure.demo;

import java.util.List;

/**
 * A field (lĩnh vực) of the demo catalogue with the texts its procedures share: the department key
 * that says which department offers them, the agency and ministry named in the text, target
 * subjects, the kind of main form, the fee's name, legal basis, common dossier papers, requirements
 * and keywords.
 */
record DemoField(
    int number,
    String name,
    String departmentKey,
    String agency,
    String ministry,
    List<String> subjects,
    String form,
    String feeName,
    List<Law> laws,
    List<Paper> papers,
    String requirement,
    List<String> keywords) {

  DemoField {
    subjects = List.copyOf(subjects);
    laws = List.copyOf(laws);
    papers = List.copyOf(papers);
    keywords = List.copyOf(keywords);
  }

  /** A legal text: its number and title. */
  record Law(String number, String title) {}

  /** A dossier paper and how many originals and copies it takes. */
  record Paper(String name, int originals, int copies) {}
}

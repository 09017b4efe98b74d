import java.io.File;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.SAXParseException;

/**
 * Validates an XML file against an XML Schema with the JDK's own validator (Xerces inside the JDK), a parser nobody
 * in Threadline wrote. Run as a single-file program: `java Validate.java schema.xsd file.xml`. Prints `valid` and
 * exits 0, or prints the first error with its line and column and exits 1.
 */
public class Validate {
  public static void main(String[] args) throws Exception {
    SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator validator = factory.newSchema(new File(args[0])).newValidator();
    try {
      validator.validate(new StreamSource(new File(args[1])));
      System.out.println("valid");
    } catch (SAXParseException e) {
      System.out.println("line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage());
      System.exit(1);
    }
  }
}
